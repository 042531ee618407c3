import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { orderForShopper, purchaseOrders, withPublicFulfillments } from "../helpers"

// Replaces Medusa's GET /store/orders/:id (project routes are registered last), in its shape and with
// its `fields`. Any order of a purchase answers as the whole purchase: one Medusa order with every
// cooperative's items and shipping, the totals of all, and `purchase` naming each cooperative's part
// (docs/storefront/orders.md). A registered customer's order answers only that customer.
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const order = await orderForShopper(req.scope, req.params.id, req.auth_context?.actor_id)
  if (order.purchase) {
    const combined = (await purchaseOrders(req.scope, [order.purchase], req.queryConfig.fields, { list: false })).get(order.purchase.id)
    if (combined) return res.status(200).json({ order: combined })
  }
  const { result } = await getOrderDetailWorkflow(req.scope).run({
    input: { fields: req.queryConfig.fields, order_id: order.id, filters: { is_draft_order: false } },
  })
  res.status(200).json({ order: withPublicFulfillments(result) })
}
