import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWorkflow } from "@medusajs/medusa/core-flows"
import { notFound } from "../../../../../lib/errors"
import { cooperativeIdsOfProducts } from "../../../../../lib/ownership"
import CooperativeShippingProfileLink from "../../../../../links/cooperative-shipping-profile"

/**
 * GET /store/carts/:id/cooperative-shipping-options: Medusa's shipping options for the cart,
 * arranged per cooperative in the cart (each ships from its own warehouse under its own profile),
 * with the option the cart currently uses for it. The storefront asks the shopper once per
 * cooperative, then POSTs each choice to /store/carts/:id/shipping-methods.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "items.id", "items.product_id", "shipping_methods.shipping_option_id"],
    filters: { id: req.params.id },
  })
  const cart: any = carts[0]
  if (!cart) throw notFound("Cart", req.params.id)

  const items: any[] = cart.items ?? []
  const owners = await cooperativeIdsOfProducts(req.scope, [...new Set(items.map((i) => i.product_id))])
  const cooperativeIds = [...new Set(items.map((i) => owners.get(i.product_id)).filter(Boolean))] as string[]
  if (!cooperativeIds.length) return res.json({ cooperatives: [] })

  const [{ data: profiles }, { result: options }] = await Promise.all([
    query.graph({
      entity: CooperativeShippingProfileLink.entryPoint,
      fields: ["cooperative_id", "shipping_profile_id", "cooperative.name", "cooperative.handle"],
      filters: { cooperative_id: cooperativeIds },
    }),
    listShippingOptionsForCartWorkflow(req.scope).run({
      input: { cart_id: cart.id, is_return: false, fields: ["id", "name", "price_type", "shipping_profile_id", "type.*", "data"] },
    }),
  ])
  const chosen = new Set((cart.shipping_methods ?? []).map((m: any) => m.shipping_option_id))
  const profileOf = new Map(profiles.map((p: any) => [p.cooperative_id, p]))
  const cooperatives = cooperativeIds.map((id) => {
    const link: any = profileOf.get(id)
    const own = (options as any[]).filter((o) => o.shipping_profile_id === link?.shipping_profile_id)
    return {
      cooperative: { id, name: link?.cooperative?.name, handle: link?.cooperative?.handle },
      item_ids: items.filter((i) => owners.get(i.product_id) === id).map((i) => i.id),
      selected_option_id: own.find((o) => chosen.has(o.id))?.id ?? null,
      shipping_options: own.map((o) => ({
        id: o.id,
        name: o.name,
        amount: Number(o.calculated_price?.calculated_amount ?? o.amount ?? 0),
        price_type: o.price_type,
        type: o.type ? { code: o.type.code, label: o.type.label, description: o.type.description } : null,
        free_above: o.data?.free_above ?? null,
      })),
    }
  })
  res.json({ cooperatives })
}
