import {
  CERTIFICATE_TYPES,
  EXPIRING_SOON_DAYS,
  OCOP_PRODUCT_GROUPS,
  OCOP_STARS,
  RESUBMITTABLE,
  shownState,
  TRACE_EVENT_TYPES,
} from "../../panel/src/api/trace-rules"
import * as lifecycle from "../../src/modules/certification/lifecycle"
import { TRACE_EVENT_TYPES as SERVER_EVENT_TYPES } from "../../src/modules/traceability/models/trace-event"

// The cooperative panel shows the server's rules before anyone clicks (which steps exist, what can
// be resubmitted, when a mark "expires soon"); it keeps its own copy, so the two must agree.

describe("the panel's copy of the trace and certification rules", () => {
  it("offers exactly the server's step types, certificate types, OCOP groups and stars", () => {
    expect([...TRACE_EVENT_TYPES]).toEqual([...SERVER_EVENT_TYPES])
    expect([...CERTIFICATE_TYPES]).toEqual([...lifecycle.CERTIFICATE_TYPES])
    expect([...OCOP_PRODUCT_GROUPS]).toEqual([...lifecycle.OCOP_PRODUCT_GROUPS])
    expect([...OCOP_STARS]).toEqual([...lifecycle.OCOP_STARS])
  })

  it("opens the form again only where the server takes a resubmission, and warns when the server reminds", () => {
    expect([...RESUBMITTABLE].sort()).toEqual([...lifecycle.REVIEW_TRANSITIONS.resubmit.from].sort())
    expect(EXPIRING_SOON_DAYS).toBe(lifecycle.EXPIRY_REMINDER_DAYS)
  })

  it("reads a verified mark as expiring soon within the reminder window and expired past its end", () => {
    const now = Date.parse("2026-12-01T00:00:00Z")
    const inDays = (d: number) => new Date(now + d * 86_400_000).toISOString()
    expect(shownState({ status: "verified", in_force: true, expires_at: inDays(31) }, now)).toBe("verified")
    expect(shownState({ status: "verified", in_force: true, expires_at: inDays(29) }, now)).toBe("expiring_soon")
    // Past its end before the daily job marks it: already expired for the shopper, so for the cooperative too.
    expect(shownState({ status: "verified", in_force: false, expires_at: inDays(-1) }, now)).toBe("expired")
    expect(shownState({ status: "verified", in_force: true, expires_at: inDays(0) }, now)).toBe("expired")
    for (const status of ["submitted", "rejected", "revoked", "expired", "superseded"] as const) {
      expect(shownState({ status, in_force: false, expires_at: inDays(300) }, now)).toBe(status)
    }
  })
})
