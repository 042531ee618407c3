import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../lib/errors"

/**
 * Medusa's POST/DELETE /store/carts/:id/line-items/:line_id change the line item by its id alone and
 * only then refresh the cart: with an unknown cart that is a 500 after the change (rolled back), and
 * with another cart's line item it changes that cart. The line item must be one of this cart's.
 */
export async function requireLineItemOfCart(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id"], filters: { id: req.params.id } })
    const cart = data[0]
    if (!cart) throw notFound("Cart", req.params.id)
    if (!(cart.items ?? []).some((item) => item?.id === req.params.line_id)) throw notFound("Line item", req.params.line_id)
    next()
  } catch (err) {
    next(err)
  }
}
