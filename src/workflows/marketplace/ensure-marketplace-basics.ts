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
import { CURRENCY, MARKETPLACE_CHANNEL_NAME, marketplacePaymentProviderIds, STOREFRONT_KEY_TITLE, VIETNAM_REGION_NAME } from "./read/marketplace"

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
