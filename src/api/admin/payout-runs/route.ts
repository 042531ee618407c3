import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { cooperativeNames, payoutRunView } from "../../../workflows/payout/read/payout-view"
import { runPayoutsWorkflow } from "../../../workflows/payout/run-payouts"
import { runCooperativeIds } from "./helpers"

/**
 * POST /admin/payout-runs { period? }: runs the payouts of a period (default: the last one that has
 * ended, in Vietnam time). Running a period again resumes it if it stopped (201 with the run); once
 * it has completed, 409 payout_run_completed: a period is paid once.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ period?: string }>, res: MedusaResponse) => {
  const { period } = req.validatedBody as { period?: string }
  const { result } = await runPayoutsWorkflow(req.scope).run({
    input: { period, at: new Date().toISOString(), triggered_by: req.auth_context.actor_id },
  })
  if (result.already_completed) {
    throw conflict("payout_run_completed", `The payouts of ${result.period} have already been run (${result.run_id}); GET /admin/payout-runs/${result.run_id} shows them.`)
  }
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const run = await ledger.retrievePayoutRun(result.run_id)
  const names = await cooperativeNames(req.scope, runCooperativeIds(run))
  res.status(201).json({ payout_run: payoutRunView(run, names) })
}

/** GET /admin/payout-runs?limit=&offset=: newest period first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [runs, count] = await ledger.listAndCountPayoutRuns({}, { order: { cutoff_at: "DESC" }, take: limit, skip: offset })
  const names = await cooperativeNames(req.scope, runs.flatMap(runCooperativeIds))
  res.json({ payout_runs: runs.map((r) => payoutRunView(r, names)), count, limit, offset })
}
