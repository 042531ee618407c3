import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

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
