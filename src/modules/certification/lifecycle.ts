import { addMonthsToDay, startOfVnDay } from "../../lib/dates"

/** The six OCOP product groups (Decision 148/QĐ-TTg). */
export const OCOP_PRODUCT_GROUPS = ["food", "drinks", "herbal", "handicrafts", "ornamental", "tourism"] as const
export type OcopProductGroup = (typeof OCOP_PRODUCT_GROUPS)[number]

/** Only 3★ to 5★ are recognised; 1★ and 2★ carry no certificate and no mark. */
export const OCOP_STARS = [3, 4, 5] as const

export const CERTIFICATE_TYPES = ["vietgap", "organic", "globalgap", "other"] as const
export type CertificateType = (typeof CERTIFICATE_TYPES)[number]

/** An OCOP recognition is valid for 36 months from its decision date. */
export const OCOP_VALIDITY_MONTHS = 36
/** A VietGAP certificate is valid for at most two years. */
export const VIETGAP_MAX_VALIDITY_MONTHS = 24

/** An OCOP decision of day D stops counting at the first moment of D + 36 months, Vietnam time. */
export const ocopExpiresAt = (decisionDay: string) => startOfVnDay(addMonthsToDay(decisionDay, OCOP_VALIDITY_MONTHS))

export const REVIEW_STATUSES = ["submitted", "verified", "rejected", "revoked", "expired", "superseded"] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const REVIEW_ACTIONS = ["verify", "reject", "revoke"] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

/** The union's decisions: where each may start from and where it leads. Expiry and supersession are the system's. */
export const REVIEW_TRANSITIONS: Record<ReviewAction | "expire" | "supersede" | "resubmit", { from: readonly ReviewStatus[]; to: ReviewStatus }> = {
  verify: { from: ["submitted"], to: "verified" },
  reject: { from: ["submitted"], to: "rejected" },
  revoke: { from: ["verified"], to: "revoked" },
  expire: { from: ["verified"], to: "expired" },
  supersede: { from: ["verified"], to: "superseded" },
  resubmit: { from: ["submitted", "rejected"], to: "submitted" },
}

export const CERTIFICATION_SUBJECTS = ["ocop_rating", "certificate"] as const
export type CertificationSubject = (typeof CERTIFICATION_SUBJECTS)[number]

/** Days before expiry at which the cooperative is reminded. */
export const EXPIRY_REMINDER_DAYS = 30
