import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminPayoutView, cooperativeNames } from "../../../../../lib/payout-view"
import { payoutEntries, retrievePayout } from "../../../../../lib/payouts"
import { decidePayoutWorkflow } from "../../../../../workflows/payout/decide-payout"

/** POST /admin/payouts/:id/mark-paid { reference }: the transfer left the union's account; once (409 after). */
export const POST = async (req: AuthenticatedMedusaRequest<{ reference: string }>, res: MedusaResponse) => {
  const { reference } = req.validatedBody as { reference: string }
  await decidePayoutWorkflow(req.scope).run({
    input: { payout_id: req.params.id, decision: "mark_paid", reference, decided_by: req.auth_context.actor_id },
  })
  const payout = await retrievePayout(req.scope, req.params.id)
  const names = await cooperativeNames(req.scope, [payout.cooperative_id])
  res.json({ payout: { ...adminPayoutView(payout, names.get(payout.cooperative_id)), ledger_entries: await payoutEntries(req.scope, payout.id) } })
}
