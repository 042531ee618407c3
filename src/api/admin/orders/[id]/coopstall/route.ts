import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../../../lib/errors"
import { refundableForOrder } from "../../../../../workflows/ledger/read/refunds"
import { sharesOf } from "../../../../../modules/order-group"

/**
 * GET /admin/orders/:id/coopstall: for Medusa Admin's order page, the purchase the order belongs
 * to, its cooperative, the order's share of the purchase's one payment, what the union received
 * and refunded for it and what may still be refunded (the cap of POST /admin/orders/:id/refunds).
 * `purchase` is null for an order of no purchase.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "cooperative.id", "cooperative.name", "cooperative.handle", "cooperative.province", "order_group.id", "order_group.total", "order_group.shares"],
    filters: { id: req.params.id },
  })
  const order = data[0]
  if (!order) throw notFound("Order", req.params.id)
  const c = order.cooperative
  const group = order.order_group
  const refundable = group ? await refundableForOrder(req.scope, order.id) : null
  res.json({
    order_id: order.id,
    cooperative: c ? { id: c.id, name: c.name, handle: c.handle, province: c.province } : null,
    purchase: group
      ? {
          id: group.id,
          total: Number(group.total),
          order_count: sharesOf(group).length,
          payment: refundable?.payment
            ? { id: refundable.payment.id, captured: refundable.payment.captured, refunded: refundable.payment.refunded }
            : null,
        }
      : null,
    share: refundable
      ? {
          amount: refundable.share,
          method: refundable.method,
          collector: refundable.collector,
          paid_in: refundable.paid_in,
          refunded: refundable.refunded,
          refundable: refundable.refundable,
        }
      : null,
  })
}
