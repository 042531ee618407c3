import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decidePayoutWorkflow } from "../../../../../workflows/payout/decide-payout"
import { adminPayoutDetail } from "../../../../../workflows/payout/read/payout-detail"

/** POST /admin/payouts/:id/mark-paid { reference }: the transfer left the union's account; once (409 after). */
export const POST = async (req: AuthenticatedMedusaRequest<{ reference: string }>, res: MedusaResponse) => {
  const { reference } = req.validatedBody as { reference: string }
  await decidePayoutWorkflow(req.scope).run({
    input: { payout_id: req.params.id, decision: "mark_paid", reference, decided_by: req.auth_context.actor_id },
  })
  res.json({ payout: await adminPayoutDetail(req.scope, req.params.id) })
}
