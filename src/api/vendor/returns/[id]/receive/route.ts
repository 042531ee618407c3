import type { MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../lib/errors"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../../../modules/cooperative-return"
import { bookDeliveredOrderWorkflow } from "../../../../../workflows/ledger/book-delivered-order"
import { receiveReturnWorkflow } from "../../../../../workflows/return/receive-return"
import { returnContext, returnView } from "../../../../store/returns/view"
import type { VendorRequest } from "../../../tenant"

/**
 * POST /vendor/returns/:id/receive: the parcel is back. Stock returns to the warehouse, the items'
 * share goes back to the shopper (when the union holds the money), the commission is given back
 * (docs/returns.md). 200 `{ return, refund: { amount, refund_id } | null, commission_reversed }`.
 */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [ret] = await service.listCooperativeReturns({ id: req.params.id, cooperative_id: req.tenant.cooperative.id }, { select: ["id", "order_id"] })
  if (!ret) throw notFound("Return", req.params.id)
  // The delivery's booking runs after the delivery answered; make sure the sale the return reverses is in (idempotent).
  await bookDeliveredOrderWorkflow(req.scope).run({ input: { order_id: ret.order_id } })
  const { result } = await receiveReturnWorkflow(req.scope).run({
    input: { return_id: ret.id, order_id: ret.order_id, cooperative_id: req.tenant.cooperative.id, received_by: req.tenant.user.id },
  })
  const [after] = await service.listCooperativeReturns({ id: ret.id })
  const ctx = await returnContext(req.scope, [after])
  res.json({
    return: returnView(after, "cooperative", ctx(after)),
    refund: result.refund ? { amount: result.refund.amount, refund_id: result.refund.refund_id } : null,
    commission_reversed: result.plan.commission_reversed,
    restocked: result.plan.restock,
  })
}
