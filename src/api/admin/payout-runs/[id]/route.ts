import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import { adminPayoutViews, cooperativeNames, payoutRunView } from "../../../../workflows/payout/read/payout-view"
import { runCooperativeIds } from "../helpers"

/** GET /admin/payout-runs/:id: the run, its payouts and the cooperatives it skipped, with why. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [run] = await ledger.listPayoutRuns({ id: req.params.id })
  if (!run) throw notFound("Payout run", req.params.id)
  const payouts = await ledger.listPayouts({ period: run.period }, { order: { cooperative_id: "ASC" } })
  const names = await cooperativeNames(req.scope, [
    ...payouts.map((p) => p.cooperative_id),
    ...runCooperativeIds(run),
  ])
  res.json({
    payout_run: {
      ...payoutRunView(run, names),
      payouts: adminPayoutViews(req.scope, payouts, names),
    },
  })
}
