import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SkippedCooperative } from "../../../lib/payout-plan"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

/**
 * Closes the run. Its counts are read back from the period's payouts, not added up by this run,
 * so they are right whichever runs (concurrent or resumed) wrote them.
 */
export const finishPayoutRunStep = createStep(
  "finish-payout-run",
  async (input: { run_id: string; period: string; skipped: SkippedCooperative[] }, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const payouts = await ledger.listPayouts({ period: input.period }, { select: ["amount"] })
    const run = await ledger.updatePayoutRuns({
      id: input.run_id,
      status: "completed",
      finished_at: new Date(),
      payout_count: payouts.length,
      payout_total: payouts.reduce((sum: number, p: any) => sum + Number(p.amount), 0),
      skipped: input.skipped as any,
    })
    return new StepResponse(run)
  }
)
