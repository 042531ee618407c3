import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const MARKETPLACE_CHANNEL_NAME = "Chợ HTX trực tuyến"
export const STOREFRONT_KEY_TITLE = "Chợ HTX storefront"
export const VIETNAM_REGION_NAME = "Việt Nam"
export const CURRENCY = "vnd"

/**
 * The marketplace sells through one sales channel of its own, the store's default. Visibility in
 * the store rests on it: a product is in this channel exactly while its cooperative is approved.
 * Medusa keeps its own "Default Sales Channel" beside it, which matters: the store product routes
 * only filter by channel when more than one channel exists.
 */
export async function marketplaceSalesChannelId(container: MedusaContainer): Promise<string> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
  if (!store?.default_sales_channel_id) {
    throw new Error("The store has no default sales channel: run the seed (npm run seed) first.")
  }
  return store.default_sales_channel_id
}

export async function defaultShippingProfileId(container: MedusaContainer): Promise<string> {
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  if (!profile) throw new Error("No default shipping profile: run the seed (npm run seed) first.")
  return profile.id
}

/** Payment providers shoppers in Việt Nam can choose: cash on delivery, and those configured (see medusa-config.ts). */
export function marketplacePaymentProviderIds(): string[] {
  return [
    "pp_system_default",
    ...(process.env.VIETQR_ACCOUNT_NUMBER ? ["pp_vietqr_vietqr"] : []),
    ...(process.env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : []),
  ]
}

export async function vietnamRegionId(container: MedusaContainer): Promise<string> {
  const [region] = await container.resolve(Modules.REGION).listRegions({ currency_code: CURRENCY })
  if (!region) throw new Error("No VND region: run the seed (npm run seed) first.")
  return region.id
}

/**
 * Creates, once, what every coopstall marketplace needs before cooperatives can sell: the VND
 * region for Vietnam, the marketplace sales channel (as the store default), a publishable key for
 * the storefront and the default shipping profile. Safe to call on every start.
 */
export async function ensureMarketplaceBasics(container: MedusaContainer) {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const regionModule = container.resolve(Modules.REGION)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const taxModule = container.resolve(Modules.TAX)

  let [salesChannel] = await salesChannelModule.listSalesChannels({ name: MARKETPLACE_CHANNEL_NAME })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: MARKETPLACE_CHANNEL_NAME, description: "Gian hàng của các hợp tác xã" }] },
    })
    salesChannel = result[0]
  }

  let [region] = await regionModule.listRegions({ currency_code: CURRENCY })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: VIETNAM_REGION_NAME,
            currency_code: CURRENCY,
            countries: ["vn"],
            payment_providers: marketplacePaymentProviderIds(),
            automatic_taxes: true,
          },
        ],
      },
    })
    region = result[0]
  }

  const { data: regionProviders } = await container.resolve("query").graph({
    entity: "region",
    fields: ["payment_providers.id"],
    filters: { id: region.id },
  })
  const enabled = new Set(((regionProviders[0] as any)?.payment_providers ?? []).map((p: any) => p.id))
  if (marketplacePaymentProviderIds().some((id) => !enabled.has(id))) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: marketplacePaymentProviderIds() } },
    })
  }

  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const hasVnd = store.supported_currencies?.some((c) => c.currency_code === CURRENCY && c.is_default)
  if (!hasVnd || store.default_sales_channel_id !== salesChannel.id || store.default_region_id !== region.id) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "coopstall",
          supported_currencies: [{ currency_code: CURRENCY, is_default: true }],
          default_sales_channel_id: salesChannel.id,
          default_region_id: region.id,
        },
      },
    })
  }

  const taxRegions = await taxModule.listTaxRegions({ country_code: "vn" })
  if (!taxRegions.length) {
    await createTaxRegionsWorkflow(container).run({ input: [{ country_code: "vn", provider_id: "tp_system" }] })
  }

  let [publishableKey] = await apiKeyModule.listApiKeys({ title: STOREFRONT_KEY_TITLE, type: "publishable" })
  if (!publishableKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: STOREFRONT_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    publishableKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: publishableKey.id, add: [salesChannel.id] },
    })
  }

  let [shippingProfile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }

  return { salesChannel, region, publishableKey, shippingProfile }
}
