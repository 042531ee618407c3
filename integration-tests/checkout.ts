import type { Api } from "./helpers"
import { bearer, call, demoVendorToken, storeHeaders } from "./helpers"

// Shopper steps of a checkout through plain HTTP, shared by the checkout, vendor-order and payment specs.

export const SHOPPER_ADDRESS = {
  first_name: "Minh",
  last_name: "Nguyễn",
  address_1: "12 Lê Lợi",
  city: "Phường Thuận Hóa",
  province: "Huế",
  country_code: "vn",
  phone: "0905123456",
}

/** Variant ids by SKU, read from the store as a shopper would. */
export async function variantsBySku(api: Api, publishableKey: string): Promise<Record<string, string>> {
  const { data } = await api.get(`/store/products?limit=100&fields=id,*variants`, storeHeaders(publishableKey))
  return Object.fromEntries(data.products.flatMap((p: any) => p.variants.map((v: any) => [v.sku, v.id])))
}

export type CartLine = { variant_id: string; quantity: number }

/**
 * A cart ready to complete: items added, address set, for every cooperative in it its first
 * shipping option chosen, and a payment session with `provider_id` (cash on delivery by default).
 */
export async function readyCart(
  api: Api,
  publishableKey: string,
  regionId: string,
  lines: CartLine[],
  options: { email?: string; provider_id?: string; customer_token?: string; promo_codes?: string[] } = {}
): Promise<string> {
  const h = storeHeaders(publishableKey)
  if (options.customer_token) h.headers = { ...h.headers, authorization: `Bearer ${options.customer_token}` } as any
  const { data } = await api.post(`/store/carts`, { region_id: regionId, email: options.email ?? "khach@example.vn", shipping_address: SHOPPER_ADDRESS }, h)
  const cartId = data.cart.id
  for (const line of lines) await api.post(`/store/carts/${cartId}/line-items`, line, h)
  if (options.promo_codes?.length) await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: options.promo_codes }, h)
  const { data: listed } = await api.get(`/store/carts/${cartId}/cooperative-shipping-options`, h)
  for (const group of listed.cooperatives) {
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: group.shipping_options[0].id }, h)
  }
  const { data: pc } = await api.post(`/store/payment-collections`, { cart_id: cartId }, h)
  await api.post(
    `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
    { provider_id: options.provider_id ?? "pp_system_default" },
    h
  )
  return cartId
}

export const complete = (api: Api, publishableKey: string, cartId: string) =>
  call(api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders(publishableKey)))

/** A cooperative's view of one SKU's stock at its own warehouse. */
export async function stockOf(api: Api, handle: string, sku: string) {
  const token = await demoVendorToken(api, handle)
  const { data } = await api.get(`/vendor/inventory`, bearer(token))
  return data.inventory.find((i: any) => i.sku === sku)
}

export async function setStock(api: Api, handle: string, sku: string, stocked_quantity: number) {
  const token = await demoVendorToken(api, handle)
  const item = await stockOf(api, handle, sku)
  await api.post(`/vendor/inventory/${item.inventory_item_id}`, { stocked_quantity }, bearer(token))
}
