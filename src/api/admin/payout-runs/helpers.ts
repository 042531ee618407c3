/** The cooperatives a payout run skipped or failed to pay (its `skipped` and `failures` JSON lists). */
export function runCooperativeIds(run: { skipped?: unknown; failures?: unknown }): string[] {
  const listed = (value: unknown) => (Array.isArray(value) ? (value as { cooperative_id: string }[]) : [])
  return [...listed(run.skipped), ...listed(run.failures)].map((s) => s.cooperative_id)
}
