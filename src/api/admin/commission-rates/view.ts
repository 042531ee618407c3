export function serializeCommissionRate(r: any) {
  return {
    id: r.id,
    scope: r.scope,
    cooperative_id: r.cooperative_id ?? null,
    category_id: r.category_id ?? null,
    rate_bps: r.rate_bps,
    note: r.note ?? null,
    updated_by: r.updated_by ?? null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  }
}
