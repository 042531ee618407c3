import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { finishPayoutRunStep } from "./steps/finish-payout-run"
import { payCooperativesStep } from "./steps/pay-cooperatives"
import { sendPayoutsStep } from "./steps/send-payouts"
import { startPayoutRunStep, type StartPayoutRunInput } from "./steps/start-payout-run"

export type RunPayoutsResult = { run_id: string; period: string; already_completed: boolean }

/**
 * One payout run: claim the period's run, pay every cooperative whose available balance at the
 * cutoff reaches PAYOUT_MIN_AMOUNT (exactly once per cooperative and period: a unique index, not a
 * check), send the payouts whose method pays by API (Stripe transfers), and close the run with
 * its counts and the cooperatives skipped and why. One cooperative whose payout fails is recorded with its reason and the run goes on; the
 * run then ends `partially_completed` and a later run retries it. Running a period again, while it
 * runs or after it stopped half-way or partially, pays nobody twice.
 */
export const runPayoutsWorkflow = createWorkflow("run-payouts", (input: StartPayoutRunInput) => {
  const started = startPayoutRunStep(input)
  when("pay-if-not-completed", { started }, ({ started }) => !started.already_completed).then(() => {
    const paid = payCooperativesStep(
      transform({ started }, ({ started }) => ({ run_id: started.run.id, period: started.run.period, cutoff_at: started.run.cutoff_at }))
    )
    const sent = sendPayoutsStep(transform({ started }, ({ started }) => ({ period: started.run.period })))
    finishPayoutRunStep(
      transform({ started, paid, sent }, ({ started, paid, sent }) => ({
        run_id: started.run.id,
        period: started.run.period,
        skipped: paid.skipped,
        failures: [...(paid.failures ?? []), ...(sent.failures ?? [])],
      }))
    )
  })
  return new WorkflowResponse(
    transform({ started }, ({ started }): RunPayoutsResult => ({
      run_id: started.run.id,
      period: started.run.period,
      already_completed: started.already_completed,
    }))
  )
})
