import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminPayoutView, cooperativeNames } from "../../../../lib/payout-view"
import { payoutEntries, retrievePayout } from "../../../../lib/payouts"

/** GET /admin/payouts/:id: the payout with its cooperative and its ledger lines. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const payout = await retrievePayout(req.scope, req.params.id)
  const names = await cooperativeNames(req.scope, [payout.cooperative_id])
  res.json({ payout: { ...adminPayoutView(payout, names.get(payout.cooperative_id)), ledger_entries: await payoutEntries(req.scope, payout.id) } })
}
