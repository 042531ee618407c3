import type { MedusaContainer } from "@medusajs/framework/types"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import type { PayoutFailure, SkippedCooperative } from "./payout-plan"

const SKIP_EXPLAINED: Record<string, string> = {
  cooperative_not_approved: "The cooperative is not approved; its balance waits for a later run.",
  no_bank_account: "The cooperative has not given a bank account.",
  bank_account_not_verified: "The bank account has not been verified by the union (or changed since).",
  invalid_bank_account: "The bank account cannot be encoded as a VietQR transfer.",
  owes_commission: "The cooperative owes the union commission on cash it collected itself (negative available balance); its next earnings settle it first.",
}

/** Names of the cooperatives behind a page of payouts or skips: one query. */
export async function cooperativeNames(container: MedusaContainer, ids: string[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map<string, { id: string; name: string; handle: string }>()
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const found = await service.listCooperatives({ id: unique }, { select: ["id", "name", "handle"], take: unique.length })
  return new Map(found.map((c: any) => [c.id, { id: c.id, name: c.name, handle: c.handle }]))
}

const BASE_FIELDS = [
  "id", "run_id", "period", "amount", "currency_code", "provider", "status", "bank_account", "transfer_message",
  "reference", "failure_reason", "paid_at", "failed_at", "created_at", "updated_at",
] as const

function base(payout: any) {
  const view: Record<string, unknown> = Object.fromEntries(BASE_FIELDS.map((f) => [f, payout[f] ?? null]))
  view.amount = Number(payout.amount)
  return view
}

/** What the union sees: everything, including the VietQR payload to pay from a banking app. */
export const adminPayoutView = (payout: any, cooperative?: { id: string; name: string; handle: string }) => ({
  ...base(payout),
  cooperative_id: payout.cooperative_id,
  cooperative: cooperative ?? null,
  vietqr_payload: payout.vietqr_payload ?? null,
  decided_by: payout.decided_by ?? null,
})

/** What the cooperative sees of its own payouts. */
export const vendorPayoutView = (payout: any) => base(payout)

export const payoutRunView = (run: any, names: Map<string, { id: string; name: string; handle: string }> = new Map()) => ({
  id: run.id,
  period: run.period,
  cutoff_at: run.cutoff_at,
  status: run.status,
  triggered_by: run.triggered_by ?? null,
  started_at: run.started_at,
  finished_at: run.finished_at ?? null,
  payout_count: Number(run.payout_count ?? 0),
  payout_total: Number(run.payout_total ?? 0),
  skipped: ((run.skipped ?? []) as SkippedCooperative[]).map((s) => ({
    ...s,
    cooperative: names.get(s.cooperative_id) ?? null,
    message: SKIP_EXPLAINED[s.reason] ?? s.reason,
  })),
  /** Cooperatives whose payout failed in this run, with the reason; a later run retries them. */
  failures: ((run.failures ?? []) as PayoutFailure[]).map((f) => ({
    ...f,
    available: Number(f.available),
    cooperative: names.get(f.cooperative_id) ?? null,
  })),
})
