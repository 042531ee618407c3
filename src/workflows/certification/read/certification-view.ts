import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { lastValidDay } from "../../../lib/dates"
import { notFound } from "../../../lib/errors"
import { CERTIFICATION_MODULE, CertificateType, CertificationModuleService, CertificationSubject } from "../../../modules/certification"
import type { CertificateRow, OcopRatingRow } from "../../../modules/certification/service"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

// The one serialiser of an OCOP rating and of a certificate, in two layers: what anyone may see of
// an item in force (shoppers, the trace page: `publicOcopRating`, `publicCertificate`), and what the
// cooperative that submitted it and the union's reviewers see (`ratingView`, `certificateView`):
// the same fields plus status, notes, evidence and history. Which items shoppers see: ./quality.ts.

export type EffectiveOcopRating = {
  id: string
  stars: 3 | 4 | 5
  product_group: string
  decision_number: string
  issuing_authority: string
  decision_date: string
  /** Last valid day (inclusive), Vietnam time. */
  valid_until: string
  expires_at: string
}

export type EffectiveCertificate = {
  id: string
  type: CertificateType
  code: string
  issuing_body: string
  valid_until: string
  expires_at: string
}

type PublicRatingRow = Pick<OcopRatingRow, "id" | "stars" | "product_group" | "decision_number" | "issuing_authority" | "decision_date" | "expires_at">
type PublicCertificateRow = Pick<CertificateRow, "id" | "type" | "code" | "issuing_body" | "valid_until" | "expires_at">

export const publicOcopRating = (r: PublicRatingRow): EffectiveOcopRating => ({
  id: r.id,
  // Only 3★ to 5★ are accepted on submission (OCOP_STARS).
  stars: r.stars as EffectiveOcopRating["stars"],
  product_group: r.product_group,
  decision_number: r.decision_number,
  issuing_authority: r.issuing_authority,
  decision_date: r.decision_date,
  valid_until: lastValidDay(new Date(r.expires_at)),
  expires_at: new Date(r.expires_at).toISOString(),
})

export const publicCertificate = (c: PublicCertificateRow): EffectiveCertificate => ({
  id: c.id,
  type: c.type,
  code: c.code,
  issuing_body: c.issuing_body,
  valid_until: c.valid_until,
  expires_at: new Date(c.expires_at).toISOString(),
})

const certification = (c: MedusaContainer): CertificationModuleService => c.resolve(CERTIFICATION_MODULE)

type SubjectRow = OcopRatingRow | CertificateRow

const inForce = (row: SubjectRow, at: Date) => row.status === "verified" && new Date(row.expires_at) > at

/** What the cooperative and the union's reviewers see beyond the public fields. */
function reviewState(row: SubjectRow, at: Date) {
  return {
    cooperative_id: row.cooperative_id,
    status: row.status,
    in_force: inForce(row, at),
    review_note: row.review_note,
    reviewed_at: row.reviewed_at,
    evidence: { id: row.evidence_file_id, url: row.evidence_url },
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

export const ratingView = (r: OcopRatingRow, at = new Date()) => ({
  ...publicOcopRating(r),
  ...reviewState(r, at),
  product_id: r.product_id,
  superseded_by_id: r.superseded_by_id,
})

export const certificateView = (c: CertificateRow, at = new Date()) => ({
  ...publicCertificate(c),
  ...reviewState(c, at),
  holder_name: c.holder_name,
  production_site: c.production_site,
  area_hectares: c.area_hectares,
  yearly_output_kg: c.yearly_output_kg,
  issued_on: c.issued_on,
  product_ids: (c.products ?? []).map((p) => p.product_id),
})

// listRows reads ratings for "ocop_rating" and certificates otherwise.
const viewOf = (subject: CertificationSubject, row: SubjectRow, at = new Date()): View =>
  subject === "ocop_rating" ? ratingView(row as OcopRatingRow, at) : certificateView(row as CertificateRow, at)
type View = ReturnType<typeof ratingView> | ReturnType<typeof certificateView>
type ListConfig = { skip?: number; take?: number; order?: Record<string, "ASC" | "DESC"> }

async function listRows(container: MedusaContainer, subject: CertificationSubject, filters: Record<string, unknown>, config: ListConfig) {
  const service = certification(container)
  return subject === "ocop_rating"
    ? service.listAndCountOcopRatings(filters, config)
    : service.listAndCountCertificates(filters, { ...config, relations: ["products"] })
}

/** The reviewer's context: which product(s) and which cooperative each item is about. */
async function withContext(container: MedusaContainer, views: View[]) {
  const productIds = [...new Set(views.flatMap((v) => ("product_ids" in v ? v.product_ids : [v.product_id])))]
  const cooperativeIds = [...new Set(views.map((v) => v.cooperative_id))]
  const [products, cooperatives] = await Promise.all([
    productIds.length
      ? container.resolve(Modules.PRODUCT).listProducts({ id: productIds }, { select: ["id", "title", "handle", "thumbnail", "status"] })
      : [],
    cooperativeIds.length
      ? (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: cooperativeIds }, { select: ["id", "handle", "name", "province", "status"] })
      : [],
  ])
  const productById = new Map(products.map((p) => [p.id, p] as const))
  const cooperativeById = new Map(cooperatives.map((c) => [c.id, c] as const))
  return views.map((v) => ({
    ...v,
    cooperative: cooperativeById.get(v.cooperative_id) ?? null,
    ...("product_ids" in v ? { products: v.product_ids.map((id) => productById.get(id)).filter(Boolean) } : { product: productById.get(v.product_id) ?? null }),
  }))
}

export async function listCertificationViews(
  container: MedusaContainer,
  subject: CertificationSubject,
  filters: Record<string, unknown>,
  page: { limit: number; offset: number; order?: Record<string, "ASC" | "DESC"> }
) {
  const [rows, count] = await listRows(container, subject, filters, {
    skip: page.offset,
    take: page.limit,
    order: page.order ?? { created_at: "DESC" },
  })
  const at = new Date()
  return { items: await withContext(container, rows.map((r) => viewOf(subject, r, at))), count }
}

/** One item with its full history of submissions and decisions. */
export async function retrieveCertificationView(container: MedusaContainer, subject: CertificationSubject, id: string) {
  const [[rows], history] = await Promise.all([
    listRows(container, subject, { id }, {}),
    certification(container).listCertificationReviews({ subject_type: subject, subject_id: id }, { order: { created_at: "ASC" } }),
  ])
  if (!rows[0]) throw notFound(subject === "ocop_rating" ? "OCOP rating" : "Certificate", id)
  const [view] = await withContext(container, [viewOf(subject, rows[0])])
  return {
    ...view,
    history: history.map((h) => ({
      from_status: h.from_status,
      to_status: h.to_status,
      note: h.note,
      actor_type: h.actor_type,
      created_at: h.created_at,
    })),
  }
}
