import type { CommissionRateChangeRow } from "../../../modules/ledger"
import type { TargetNames } from "./helpers"

/** A commission rule as the ledger module stores it (the fields answered). */
type CommissionRateRecord = {
  id: string
  scope: string
  cooperative_id?: string | null
  category_id?: string | null
  rate_bps: number
  note?: string | null
  updated_by?: string | null
  created_at: Date | string
  updated_at: Date | string
}

/** A rule as the API answers it; with `names`, the cooperative and category it targets, named. */
export function serializeCommissionRate(r: CommissionRateRecord, names?: TargetNames) {
  return {
    id: r.id,
    scope: r.scope,
    cooperative_id: r.cooperative_id ?? null,
    category_id: r.category_id ?? null,
    ...(names ? { cooperative: names.cooperative(r.cooperative_id), category: names.category(r.category_id) } : {}),
    rate_bps: r.rate_bps,
    note: r.note ?? null,
    updated_by: r.updated_by ?? null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  }
}

export function serializeCommissionRateChange(c: CommissionRateChangeRow, names?: TargetNames) {
  return {
    id: c.id,
    commission_rate_id: c.commission_rate_id,
    action: c.action,
    scope: c.scope,
    cooperative_id: c.cooperative_id ?? null,
    category_id: c.category_id ?? null,
    ...(names ? { cooperative: names.cooperative(c.cooperative_id), category: names.category(c.category_id) } : {}),
    old_rate_bps: c.old_rate_bps ?? null,
    new_rate_bps: c.new_rate_bps ?? null,
    reason: c.reason ?? null,
    actor: { id: c.actor_id ?? null, email: c.actor_email ?? null },
    created_at: c.created_at,
  }
}
