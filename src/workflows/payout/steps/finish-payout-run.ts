import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutFailure, SkippedCooperative } from "../../../lib/payout-plan"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

/**
 * Closes the run. Its counts are read back from the period's payouts that did not fail, not added
 * up by this run, so they are right whichever runs (concurrent or resumed) wrote them. A run in
 * which some cooperatives failed ends partially completed, naming them and why.
 */
export const finishPayoutRunStep = createStep(
  "finish-payout-run",
  async (input: { run_id: string; period: string; skipped: SkippedCooperative[]; failures: PayoutFailure[] }, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const payouts = (await ledger.listPayouts({ period: input.period }, { select: ["amount", "status"] })).filter((p) => p.status !== "failed")
    const run = await ledger.updatePayoutRuns({
      id: input.run_id,
      status: input.failures.length ? "partially_completed" : "completed",
      finished_at: new Date(),
      payout_count: payouts.length,
      payout_total: payouts.reduce((sum: number, p) => sum + Number(p.amount), 0),
      skipped: input.skipped as any,
      failures: input.failures as any,
    })
    return new StepResponse(run)
  }
)
