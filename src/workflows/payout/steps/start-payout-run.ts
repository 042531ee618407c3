import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, CoopstallError, ErrorTypes } from "../../../lib/errors"
import { configuredPeriodKind, lastEndedPeriod, parsePeriod, periodExample } from "../../../modules/payout/period"
import { isUniqueViolation } from "../../../lib/unique-violation"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

export type StartPayoutRunInput = { period?: string; at: string; triggered_by?: string | null }

export type StartedPayoutRun = {
  run: { id: string; period: string; cutoff_at: string; status: string }
  already_completed: boolean
}

/**
 * Names the period (the last one that has ended, unless given) and claims its run: the run row is
 * unique per period, so a second run of the period, at the same moment or after a crash, resumes
 * the same row instead of starting another. A completed run is returned as it is. If a later step
 * fails, the run is marked failed (its payouts stay: each was committed with its ledger entry, and
 * running the period again resumes where it stopped).
 */
export const startPayoutRunStep = createStep(
  "start-payout-run",
  async (input: StartPayoutRunInput, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const kind = configuredPeriodKind()
    const at = new Date(input.at)
    const period = input.period ? parsePeriod(input.period, kind) : lastEndedPeriod(at, kind)
    if (!period) {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_period", `"${input.period}" is not a payout period; payouts run per ${kind}, e.g. ${periodExample(kind)}.`, [
        { path: "period", message: `must be a ${kind} like ${periodExample(kind)}` },
      ])
    }
    if (period.cutoff > at) {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "period_not_ended", `Period ${period.key} ends at ${period.cutoff.toISOString()}; it can be paid from then on.`, [
        { path: "period", message: "has not ended yet" },
      ])
    }
    // A run for an earlier period after a later one would pay the later run's money again: its
    // payout entries are available only from the later cutoff.
    const [latest] = await ledger.listPayoutRuns({}, { select: ["id", "period", "cutoff_at"], order: { cutoff_at: "DESC" }, take: 1 })
    const later = latest && new Date(latest.cutoff_at) > period.cutoff ? latest : null
    if (later) throw conflict("later_period_already_run", `Period ${later.period} has already been run; ${period.key} cannot be run after it.`)

    let created = false
    let [run] = await ledger.listPayoutRuns({ period: period.key })
    if (!run) {
      try {
        run = await ledger.createPayoutRuns({
          period: period.key,
          cutoff_at: period.cutoff,
          status: "running",
          started_at: new Date(),
          triggered_by: input.triggered_by ?? null,
        })
        created = true
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
        ;[run] = await ledger.listPayoutRuns({ period: period.key })
        if (!run) throw err
      }
    }
    const summary = (r: { id: string; period: string; cutoff_at: Date | string; status: string }) => ({ id: r.id, period: r.period, cutoff_at: new Date(r.cutoff_at).toISOString(), status: r.status })
    if (run.status === "completed") {
      return new StepResponse<StartedPayoutRun, null>({ run: summary(run), already_completed: true }, null)
    }
    if (!created && run.status !== "running") run = await ledger.updatePayoutRuns({ id: run.id, status: "running", finished_at: null })
    return new StepResponse<StartedPayoutRun, { run_id: string }>({ run: summary(run), already_completed: false }, { run_id: run.id })
  },
  async (claimed, { container }) => {
    if (!claimed) return
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    await ledger.updatePayoutRuns({ id: claimed.run_id, status: "failed", finished_at: new Date() })
  }
)
