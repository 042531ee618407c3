import { useQuery, useQueryClient } from "@tanstack/react-query"
import { request } from "../lib/sdk"
import type { CERTIFICATE_TYPES, OCOP_PRODUCT_GROUPS, ReviewStatus } from "./trace-rules"

export { CERTIFICATE_TYPES, EXPIRING_SOON_DAYS, OCOP_PRODUCT_GROUPS, OCOP_STARS, RESUBMITTABLE, shownState, type ReviewStatus, type Shown } from "./trace-rules"

// OCOP ratings and certificates (VietGAP, organic, GlobalG.A.P.) the cooperative submits with an
// evidence file (uploaded first through /vendor/uploads) for the union to verify.

type Common = {
  id: string
  status: ReviewStatus
  in_force: boolean
  expires_at: string
  valid_until: string
  review_note: string | null
  reviewed_at: string | null
  evidence: { id: string; url: string }
  created_at: string
  history?: { from_status: ReviewStatus | null; to_status: ReviewStatus; note: string | null; actor_type: "user" | "vendor" | "system"; created_at: string }[]
}
type ProductRef = { id: string; title: string; thumbnail: string | null }
export type OcopRating = Common & {
  product_id: string
  product: ProductRef | null
  stars: 3 | 4 | 5
  product_group: (typeof OCOP_PRODUCT_GROUPS)[number]
  decision_number: string
  issuing_authority: string
  decision_date: string
}
export type Certificate = Common & {
  type: (typeof CERTIFICATE_TYPES)[number]
  code: string
  issuing_body: string
  holder_name: string
  production_site: string | null
  area_hectares: number | null
  yearly_output_kg: number | null
  issued_on: string
  product_ids: string[]
  products: ProductRef[]
}

export type Subject = "certificates" | "ocop-ratings"
const key = { certificates: "certificate", "ocop-ratings": "ocop_rating" } as const

export function useCertificates() {
  return useQuery({ queryKey: ["certificates"], queryFn: () => request<{ certificates: Certificate[] }>("/vendor/certificates?limit=100").then((r) => r.certificates) })
}
export function useOcopRatings() {
  return useQuery({ queryKey: ["ocop-ratings"], queryFn: () => request<{ ocop_ratings: OcopRating[] }>("/vendor/ocop-ratings?limit=100").then((r) => r.ocop_ratings) })
}

export function useCertification<T>(subject: Subject, id: string | null) {
  return useQuery({
    queryKey: [subject, id],
    enabled: !!id,
    queryFn: () => request<Record<string, T>>(`/vendor/${subject}/${encodeURIComponent(id!)}`).then((r) => r[key[subject]]),
  })
}

/** Submit a new one (no id) or correct and resubmit one (id); the answer is the item as stored. */
export async function submitCertification<T>(subject: Subject, id: string | null, body: Record<string, unknown>): Promise<T> {
  const path = id ? (`/vendor/${subject}/${encodeURIComponent(id)}` as const) : (`/vendor/${subject}` as const)
  const r = await request<Record<string, T>>(path, { method: "POST", body })
  return r[key[subject]]
}

export function useInvalidateCertification(subject: Subject) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: [subject] })
}

/**
 * Refusals of the submission rules that name no field (the server's workflow checks them after the
 * body's shape): the field each one is about, so the message stands next to it.
 */
export const CODE_FIELD: Record<string, string> = {
  invalid_validity: "valid_until",
  vietgap_validity_too_long: "valid_until",
  certificate_expired: "valid_until",
  issued_in_future: "issued_on",
  invalid_ggn: "code",
  certificate_code_in_use: "code",
  decision_in_future: "decision_date",
  decision_expired: "decision_date",
  rating_under_review: "product_id",
  unknown_product: "product_ids",
  evidence_not_found: "evidence_file_id",
  unsupported_file_type: "evidence_file_id",
  payload_too_large: "evidence_file_id",
  upload_quota_exceeded: "evidence_file_id",
}
