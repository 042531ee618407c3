import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import { isUniqueViolation } from "../../../lib/unique-violation"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { PAYOUT_MODULE, PayoutModuleService, type PayoutFailure, type SkippedCooperative } from "../../../modules/payout"
import { errorFields, messageOf } from "../../../lib/errors"

const BATCH = 100

export type PayCooperativesInput = { run_id: string; period: string; cutoff_at: string }

/**
 * Pays every cooperative whose available balance at the cutoff reaches the minimum, a batch of
 * cooperatives at a time (the balances are summed by the database; no entry is loaded). Each payout
 * is created with its ledger entry in its own transaction, so a run that stops half-way leaves whole
 * payouts behind, and a paid cooperative has nothing left available at the cutoff the next time.
 * A payout that another run wrote first is a unique violation, skipped quietly; any other failure
 * is recorded for that cooperative (with its reason) and the run goes on with the rest.
 *
 * No compensation on purpose: undoing a committed payout would mean deleting ledger lines, which
 * the ledger refuses. A failed run is resumed by running the period again.
 */
export const payCooperativesStep = createStep(
  "pay-cooperatives",
  async (input: PayCooperativesInput, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const cooperatives: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const methods: PayoutModuleService = container.resolve(PAYOUT_MODULE)
    const cutoff = new Date(input.cutoff_at)
    const minimum = methods.minimum()
    const eventBus = container.resolve(Modules.EVENT_BUS)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const skipped: SkippedCooperative[] = []
    const failures: PayoutFailure[] = []
    let created = 0
    let after = ""
    for (;;) {
      const batch = await ledger.payableBalances({ cutoff, minimum, after, limit: BATCH })
      if (!batch.length) break
      after = batch[batch.length - 1].cooperative_id
      const found = await cooperatives.listCooperatives(
        { id: batch.map((b) => b.cooperative_id) },
        {
          select: ["id", "status", "bank_bin", "bank_account_number", "bank_account_holder", "bank_account_verified_at", "stripe_account_id"],
          take: batch.length,
        }
      )
      const byId = new Map(found.map((c) => [c.id, c]))
      for (const { cooperative_id, available } of batch) {
        const id = generateEntityId(undefined, "po")
        const plan = methods.plan(byId.get(cooperative_id), { id, amount: available })
        if ("skip" in plan) {
          skipped.push({ cooperative_id, reason: plan.skip, available, ...(plan.detail ? { detail: plan.detail } : {}) })
          continue
        }
        try {
          await ledger.recordPayout({ id, cooperative_id, run_id: input.run_id, period: input.period, amount: available, cutoff_at: cutoff, ...plan })
          created++
        } catch (err) {
          if (isUniqueViolation(err)) continue
          // One cooperative's failure (an amount the database refuses, a bad row) must not stop
          // everyone after it: nothing of this payout was written, its balance stays available, so
          // running the period again (or the next period) retries it.
          const reason = whyNotRecorded(err)
          logger.warn(`payout run ${input.period}: cooperative ${cooperative_id}: ${reason}`)
          failures.push({ cooperative_id, reason, available })
          continue
        }
        // Tells the owners (subscriber); the payout is committed whatever happens to the message.
        await eventBus
          .emit({ name: "payout.created", data: { id, cooperative_id, period: input.period, amount: available, provider: plan.provider } })
          .catch((err) => logger.warn(`payout ${id}: payout.created not emitted: ${messageOf(err)}`))
      }
      if (batch.length < BATCH) break
    }
    // Cooperatives that owe the union (cash on delivery they collected themselves): nothing is paid,
    // the debt is netted by the balance against their next earnings; the run names them and the amount.
    for (let owingAfter = ""; ; ) {
      const owing = await ledger.owingBalances({ cutoff, after: owingAfter, limit: BATCH })
      for (const { cooperative_id, available } of owing) skipped.push({ cooperative_id, reason: "owes_commission", available, owes: -available })
      if (owing.length < BATCH) break
      owingAfter = owing[owing.length - 1].cooperative_id
    }
    return new StepResponse({ created, skipped, failures })
  }
)

/**
 * The database's own words, without the statement the driver puts in front of them (it carries the
 * cooperative's bank account, which has no place in a run's summary).
 */
function whyNotRecorded(err: unknown): string {
  const message = messageOf(err)
  const { code, constraint } = errorFields(err) as { code?: unknown; constraint?: unknown }
  const native = message.includes(" - ") ? message.slice(message.lastIndexOf(" - ") + 3) : message
  const where = [code, constraint].filter(Boolean).join(", ")
  return `payout not recorded${where ? ` (${where})` : ""}: ${native}`.slice(0, 500)
}
