// The server's rules the lot and certificate pages show before anyone clicks, as plain data (no
// browser APIs, so a unit test can compare them with the server's own:
// integration-tests/unit/panel-trace-rules.spec.ts). The server stays the judge.

/** src/modules/traceability/models/trace-event.ts */
export const TRACE_EVENT_TYPES = ["planting", "fertilising", "spraying", "harvest", "processing", "packing", "lab_test", "shipping", "other"] as const
/** src/modules/certification/lifecycle.ts */
export const OCOP_PRODUCT_GROUPS = ["food", "drinks", "herbal", "handicrafts", "ornamental", "tourism"] as const
export const CERTIFICATE_TYPES = ["vietgap", "organic", "globalgap", "other"] as const
export const OCOP_STARS = [3, 4, 5] as const
export type ReviewStatus = "submitted" | "verified" | "rejected" | "revoked" | "expired" | "superseded"
/** Only these can be corrected and sent again (REVIEW_TRANSITIONS.resubmit). */
export const RESUBMITTABLE: readonly ReviewStatus[] = ["submitted", "rejected"]
/** The server reminds the cooperative this many days before expiry (EXPIRY_REMINDER_DAYS). */
export const EXPIRING_SOON_DAYS = 30

/** What the cooperative should read at a glance: the server's status, with "expired" and "expiring soon" worked out from the date. */
export type Shown = ReviewStatus | "expiring_soon"
export function shownState(item: { status: ReviewStatus; in_force: boolean; expires_at: string }, now = Date.now()): Shown {
  if (item.status !== "verified") return item.status
  const left = new Date(item.expires_at).getTime() - now
  // Verified but past its expiry: the daily job has not marked it yet; the store already hides it.
  if (!item.in_force || left <= 0) return "expired"
  return left < EXPIRING_SOON_DAYS * 86_400_000 ? "expiring_soon" : "verified"
}
