import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decidePayoutWorkflow } from "../../../../../workflows/payout/decide-payout"
import { adminPayoutDetail } from "../../../../../workflows/payout/read/payout-detail"

/**
 * POST /admin/payouts/:id/mark-failed { reason }: the transfer was returned or never went out; the
 * amount goes back to the cooperative's balance (a payout_reversal line), once. A paid payout
 * cannot fail (409).
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ reason: string }>, res: MedusaResponse) => {
  const { reason } = req.validatedBody as { reason: string }
  await decidePayoutWorkflow(req.scope).run({
    input: { payout_id: req.params.id, decision: "mark_failed", reason, decided_by: req.auth_context.actor_id },
  })
  res.json({ payout: await adminPayoutDetail(req.scope, req.params.id) })
}
