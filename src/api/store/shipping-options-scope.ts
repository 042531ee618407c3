import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import CooperativeShippingProfileLink from "../../links/cooperative-shipping-profile"
import { cooperativeIdsOfProducts } from "../../lib/ownership"

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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({ entity: "cart", fields: ["items.product_id"], filters: { id: cartId } })
  const productIds = [...new Set(((carts[0] as any)?.items ?? []).map((i: any) => i.product_id).filter(Boolean))] as string[]
  const owners = await cooperativeIdsOfProducts(req.scope, productIds)
  const cooperativeIds = [...new Set(owners.values())]
  if (!cooperativeIds.length) return new Set()
  const { data: links } = await query.graph({
    entity: CooperativeShippingProfileLink.entryPoint,
    fields: ["shipping_profile_id"],
    filters: { cooperative_id: cooperativeIds },
  })
  return new Set(links.map((l: any) => l.shipping_profile_id))
}
