import { ProductStatus } from "@medusajs/framework/utils"
import { CURRENCY } from "../../marketplace/read/marketplace"

/** Cooperatives describe packaging ("Hộp 200g", "Chai 1 lít") as one product option. */
export const PACKAGING_OPTION = "Quy cách"

export type VariantInput = {
  title: string
  sku?: string | null
  barcode?: string | null
  price?: number
  weight?: number | null
  manage_inventory?: boolean
  allow_backorder?: boolean
}

/** A variant as Medusa's product workflows take it: VND price in whole đồng, the packaging option set. */
export function toMedusaVariant(variant: VariantInput) {
  const { price, ...rest } = variant
  return {
    ...rest,
    options: { [PACKAGING_OPTION]: variant.title },
    ...(price !== undefined ? { prices: [{ currency_code: CURRENCY, amount: price }] } : {}),
  }
}

/**
 * A variant edit as Medusa takes it: only the fields sent. The packaging name (title and option
 * value) is never part of it, so a price change cannot blank or rename the variant.
 */
export function toMedusaVariantUpdate(update: Partial<VariantInput>) {
  const { price, title: _fixed, ...rest } = update
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  return {
    ...fields,
    ...(price !== undefined ? { prices: [{ currency_code: CURRENCY, amount: price }] } : {}),
  }
}

export function toMedusaProduct(
  body: {
    title: string
    handle?: string
    status?: "draft" | "proposed"
    variants: VariantInput[]
    [key: string]: unknown
  },
  context: { handle: string; shipping_profile_id: string }
) {
  const { variants, status, ...rest } = body
  return {
    ...rest,
    handle: context.handle,
    status: status === "draft" ? ProductStatus.DRAFT : ProductStatus.PROPOSED,
    shipping_profile_id: context.shipping_profile_id,
    options: [{ title: PACKAGING_OPTION, values: variants.map((v) => v.title) }],
    variants: variants.map(toMedusaVariant),
  }
}

/** The VND price of a variant as the API shows it: one integer, not Medusa's price list. */
export function shapeVariant(variant: any) {
  const { prices, ...rest } = variant
  const vnd = (prices ?? []).find((p: any) => p.currency_code === CURRENCY && !p.price_rules?.length)
  return { ...rest, price: vnd ? Number(vnd.amount) : null }
}

export function shapeVendorProduct(product: any) {
  return {
    ...product,
    moderation: product.metadata?.moderation ?? null,
    variants: (product.variants ?? []).map(shapeVariant),
  }
}
