import type { CertificationChange } from "../../modules/certification/service"

/** Every status change of a rating or certificate is announced as `<subject>.changed` (search re-ingests, owners are told). */
export const CERTIFICATION_CHANGED_EVENTS = { ocop_rating: "ocop_rating.changed", certificate: "certificate.changed" } as const
/** Sent once per item, 30 days before it expires. */
export const CERTIFICATION_EXPIRING_EVENTS = { ocop_rating: "ocop_rating.expiring", certificate: "certificate.expiring" } as const

export const changesOf = (changes: CertificationChange[], subject: keyof typeof CERTIFICATION_CHANGED_EVENTS) =>
  changes.filter((c) => c.subject_type === subject)
