import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import { notFound } from "../../../../../lib/errors"
import { cartCooperatives } from "../../../../../workflows/cooperative/read/ownership"

/** A cooperative's shipping profile link, with the cooperative's name (as cartCooperatives reads it). */
type ProfileLink = { cooperative_id: string; shipping_profile_id: string; cooperative?: { name?: string; handle?: string } | null }
/** A shipping option as Medusa's pricing workflow answers it, the fields answered here. */
type PricedOption = {
  id: string
  name: string
  shipping_profile_id: string
  amount?: unknown
  calculated_price?: { calculated_amount?: unknown } | null
  price_type: string
  type?: { code: string; label: string; description?: string | null } | null
  data?: { free_above?: unknown } | null
}

/**
 * GET /store/carts/:id/cooperative-shipping-options: Medusa's shipping options for the cart,
 * arranged per cooperative in the cart (each ships from its own warehouse under its own profile),
 * with the option the cart currently uses for it. The storefront asks the shopper once per
 * cooperative, then POSTs each choice to /store/carts/:id/shipping-methods.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const found = await cartCooperatives(req.scope, req.params.id, ["shipping_methods.shipping_option_id"])
  if (!found) throw notFound("Cart", req.params.id)
  const { cart, items, owners, cooperativeIds } = found
  const profiles = found.profiles as ProfileLink[]
  if (!cooperativeIds.length) return res.json({ cooperatives: [] })

  // Priced by Medusa for this cart, but only the options of the cooperatives in it.
  const candidates = await req.scope
    .resolve(Modules.FULFILLMENT)
    .listShippingOptions({ shipping_profile_id: profiles.map((p) => p.shipping_profile_id) }, { select: ["id"] })
  const { result: options } = candidates.length
    ? await listShippingOptionsForCartWithPricingWorkflow(req.scope).run({
        input: { cart_id: cart.id, options: candidates.map((o) => ({ id: o.id })) },
      })
    : { result: [] }
  const chosen = new Set(((cart.shipping_methods ?? []) as { shipping_option_id: string | null }[]).map((m) => m.shipping_option_id))
  const profileOf = new Map(profiles.map((p) => [p.cooperative_id, p]))
  const cooperatives = cooperativeIds.map((id) => {
    const link = profileOf.get(id)
    const own = (options as PricedOption[]).filter((o) => o.shipping_profile_id === link?.shipping_profile_id)
    return {
      cooperative: { id, name: link?.cooperative?.name, handle: link?.cooperative?.handle },
      item_ids: items.filter((i) => owners.get(i.product_id) === id).map((i) => i.id),
      selected_option_id: own.find((o) => chosen.has(o.id))?.id ?? null,
      shipping_options: own.map((o) => ({
        id: o.id,
        name: o.name,
        amount: Number(o.amount ?? o.calculated_price?.calculated_amount ?? 0),
        price_type: o.price_type,
        type: o.type ? { code: o.type.code, label: o.type.label, description: o.type.description } : null,
        free_above: o.data?.free_above ?? null,
      })),
    }
  })
  res.json({ cooperatives })
}
