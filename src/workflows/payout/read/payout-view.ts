import type { MedusaContainer } from "@medusajs/framework/types"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { PAYOUT_MODULE, PayoutModuleService, type PayoutFailure, type SkippedCooperative } from "../../../modules/payout"

const SKIP_EXPLAINED: Record<string, string> = {
  cooperative_not_approved: "The cooperative is not approved; its balance waits for a later run.",
  no_bank_account: "The cooperative has not given a bank account.",
  bank_account_not_verified: "The bank account has not been verified by the union (or changed since).",
  invalid_bank_account: "The bank account cannot be encoded as a VietQR transfer.",
  owes_commission: "The cooperative owes the union commission on cash it collected itself (negative available balance); its next earnings settle it first.",
}

type CooperativeName = { id: string; name: string; handle: string }

/** Names of the cooperatives behind a page of payouts or skips: one query. */
export async function cooperativeNames(container: MedusaContainer, ids: string[]) {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map<string, CooperativeName>()
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const found = await service.listCooperatives({ id: unique }, { select: ["id", "name", "handle"], take: unique.length })
  return new Map(found.map((c) => [c.id, { id: c.id, name: c.name, handle: c.handle }] as const))
}

const BASE_FIELDS = [
  "id", "run_id", "period", "amount", "currency_code", "provider", "status", "bank_account", "transfer_message",
  "reference", "failure_reason", "paid_at", "failed_at", "created_at", "updated_at",
] as const

/** A payout row as the ledger module lists it; the views copy its fields through. */
type PayoutRow = { [K in (typeof BASE_FIELDS)[number]]?: unknown } & {
  cooperative_id: string
  vietqr_payload?: string | null
  decided_by?: string | null
}

/** A payout run row; skipped and failures are JSON columns written by the payout run. */
type PayoutRunRow = {
  id: string
  period: string
  cutoff_at: Date | string
  status: string
  triggered_by?: string | null
  started_at?: Date | string | null
  finished_at?: Date | string | null
  payout_count?: number | string | null
  payout_total?: number | string | null
  skipped?: unknown
  failures?: unknown
}

function base(payout: PayoutRow) {
  const view: Record<string, unknown> = Object.fromEntries(BASE_FIELDS.map((f) => [f, payout[f] ?? null]))
  view.amount = Number(payout.amount)
  return view
}

/**
 * What the union sees: everything, including the VietQR payload to pay from a banking app, and,
 * from the payout's method, who settles it (`settled_by`: the union's desk or the provider's
 * webhook) and what the desk may do with it now (`admin_actions`).
 */
export function adminPayoutViews(container: MedusaContainer, payouts: PayoutRow[], names: Map<string, CooperativeName>) {
  const methods: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  return payouts.map((payout) => ({
    ...base(payout),
    cooperative_id: payout.cooperative_id,
    cooperative: names.get(payout.cooperative_id) ?? null,
    vietqr_payload: payout.vietqr_payload ?? null,
    decided_by: payout.decided_by ?? null,
    ...methods.adminControls({ provider: String(payout.provider), status: String(payout.status) }),
  }))
}

/** What the cooperative sees of its own payouts. */
export const vendorPayoutView = (payout: PayoutRow) => base(payout)

export const payoutRunView = (run: PayoutRunRow, names: Map<string, CooperativeName> = new Map()) => ({
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
