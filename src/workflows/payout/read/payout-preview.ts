import type { MedusaContainer } from "@medusajs/framework/types"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { configuredPeriodKind, lastEndedPeriod, PAYOUT_MODULE, PayoutModuleService, type PayoutPeriod, type PayoutSkipReason } from "../../../modules/payout"
import { cooperativeNames } from "./payout-view"

const BATCH = 100
const PREVIEW_ID = "po_preview"

export type PayoutPreviewSkip = "below_minimum" | PayoutSkipReason

/**
 * What running `period` would do now, written nowhere: the same balances (ledger.payableBalances,
 * owingBalances at the cutoff) and the same plan (the payout module's) as the run's pay-cooperatives step.
 * Also names the cooperatives with something available below PAYOUT_MIN_AMOUNT, which the run
 * passes over silently.
 */
export async function payoutPreview(container: MedusaContainer, period: PayoutPeriod = lastEndedPeriod(new Date(), configuredPeriodKind())) {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const cooperatives: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const methods: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  const minimum = methods.minimum()
  const cutoff = period.cutoff
  const paid: { cooperative_id: string; amount: number; provider: string; bank_account: unknown }[] = []
  const skipped: { cooperative_id: string; reason: PayoutPreviewSkip; available: number; detail?: string }[] = []

  for (let after = ""; ; ) {
    // Everything positive (minimum 1), so the ones below the run's minimum can be named too.
    const batch = await ledger.payableBalances({ cutoff, minimum: 1, after, limit: BATCH })
    if (!batch.length) break
    after = batch[batch.length - 1].cooperative_id
    const found = await cooperatives.listCooperatives(
      { id: batch.map((b) => b.cooperative_id) },
      { select: ["id", "status", "bank_bin", "bank_account_number", "bank_account_holder", "bank_account_verified_at", "stripe_account_id"], take: batch.length }
    )
    const byId = new Map(found.map((c) => [c.id, c]))
    for (const { cooperative_id, available } of batch) {
      if (available < minimum) {
        skipped.push({ cooperative_id, reason: "below_minimum", available })
        continue
      }
      const plan = methods.plan(byId.get(cooperative_id), { id: PREVIEW_ID, amount: available })
      if ("skip" in plan) skipped.push({ cooperative_id, reason: plan.skip, available, ...(plan.detail ? { detail: plan.detail } : {}) })
      else paid.push({ cooperative_id, amount: available, provider: plan.provider, bank_account: plan.bank_account })
    }
    if (batch.length < BATCH) break
  }
  for (let after = ""; ; ) {
    const owing = await ledger.owingBalances({ cutoff, after, limit: BATCH })
    for (const { cooperative_id, available } of owing) skipped.push({ cooperative_id, reason: "owes_commission", available })
    if (owing.length < BATCH) break
    after = owing[owing.length - 1].cooperative_id
  }

  const [run] = await ledger.listPayoutRuns({ period: period.key }, { select: ["id", "status"] })
  const names = await cooperativeNames(container, [...paid, ...skipped].map((r) => r.cooperative_id))
  const named = <T extends { cooperative_id: string }>(r: T) => ({ ...r, cooperative: names.get(r.cooperative_id) ?? null })
  return {
    period: period.key,
    kind: period.kind,
    start: period.start.toISOString(),
    cutoff_at: period.cutoff.toISOString(),
    minimum,
    run: run ? { id: run.id, status: run.status } : null,
    can_run: period.cutoff <= new Date() && run?.status !== "completed",
    payouts: paid.map(named),
    payout_total: paid.reduce((a, p) => a + p.amount, 0),
    skipped: skipped.map(named),
  }
}
