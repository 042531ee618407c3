import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartCooperatives } from "../../lib/ownership"

/**
 * Medusa's `GET /store/shipping-options?cart_id=` (what `sdk.store.fulfillment.listCartOptions`
 * calls) offers every option of every warehouse in the sales channel, i.e. every cooperative's.
 * This narrows the answer to the cooperatives whose items are in the cart, so a storefront written
 * for Medusa shows the shopper only options that can ship their goods.
 */
export async function onlyCartCooperativesOptions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = typeof req.query.cart_id === "string" ? req.query.cart_id : undefined
  if (!cartId) return next()
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode >= 400 || !Array.isArray(body?.shipping_options)) return json(body)
    allowedProfiles(req, cartId)
      .then((profiles) => json({ ...body, shipping_options: body.shipping_options.filter((o: any) => profiles.has(o.shipping_profile_id)) }))
      .catch(next)
    return res
  }) as any
  next()
}

async function allowedProfiles(req: MedusaRequest, cartId: string): Promise<Set<string>> {
  const found = await cartCooperatives(req.scope, cartId)
  return new Set((found?.profiles ?? []).map((p) => p.shipping_profile_id))
}
