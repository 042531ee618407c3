import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "zod"
import type { OrderRefundBody } from "../../../ledger/validators"
import { refundCooperativeOrderWorkflow } from "../../../../../workflows/ledger/refund-cooperative-order"

/**
 * POST /admin/orders/:id/refunds { amount, note? }: money back to the shopper for one cooperative's
 * order of a purchase (at most its share); a delivered order's cooperative is debited at once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof OrderRefundBody>>, res: MedusaResponse) => {
  const { result } = await refundCooperativeOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ refund: { id: result.refund_id, order_id: req.params.id, amount: req.validatedBody.amount }, ledger_entries_booked: result.booked })
}
