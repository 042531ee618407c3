import type { MedusaContainer } from "@medusajs/framework/types"
import { lastValidDay } from "./dates"
import { CERTIFICATION_MODULE, CertificateType, CertificationModuleService } from "../modules/certification"

// What a shopper may be shown about a product's quality: only ratings and certificates that the union
// verified, that are not revoked or superseded, and whose expiry instant lies after `at`. The status
// column alone is not enough: an item expires at its instant even if the daily job has not run yet.

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

export type ProductQuality = { ocop_rating: EffectiveOcopRating | null; certificates: EffectiveCertificate[] }

export const publicOcopRating = (r: any): EffectiveOcopRating => ({
  id: r.id,
  stars: r.stars,
  product_group: r.product_group,
  decision_number: r.decision_number,
  issuing_authority: r.issuing_authority,
  decision_date: r.decision_date,
  valid_until: lastValidDay(new Date(r.expires_at)),
  expires_at: new Date(r.expires_at).toISOString(),
})

export const publicCertificate = (c: any): EffectiveCertificate => ({
  id: c.id,
  type: c.type,
  code: c.code,
  issuing_body: c.issuing_body,
  valid_until: c.valid_until,
  expires_at: new Date(c.expires_at).toISOString(),
})

const service = (container: MedusaContainer): CertificationModuleService => container.resolve(CERTIFICATION_MODULE)

const inForce = (at: Date) => ({ status: "verified", expires_at: { $gt: at } }) as any

/** The effective OCOP rating and certificates of each product (every id gets an entry). */
export async function productQuality(container: MedusaContainer, productIds: string[], at = new Date()): Promise<Map<string, ProductQuality>> {
  const result = new Map<string, ProductQuality>(productIds.map((id) => [id, { ocop_rating: null, certificates: [] }]))
  if (!productIds.length) return result
  const certification = service(container)
  const [ratings, coverage] = await Promise.all([
    certification.listOcopRatings({ product_id: productIds, ...inForce(at) }),
    certification.listCertificateProducts({ product_id: productIds, certificate: inForce(at) } as any, { relations: ["certificate"] }),
  ])
  for (const rating of ratings) result.get(rating.product_id)!.ocop_rating = publicOcopRating(rating)
  for (const link of coverage as any[]) result.get(link.product_id)!.certificates.push(publicCertificate(link.certificate))
  return result
}

/** The compact form the search index stores. */
export async function effectiveQuality(container: MedusaContainer, productIds: string[], at = new Date()) {
  const full = await productQuality(container, productIds, at)
  return new Map(
    [...full].map(([id, q]) => [id, { ocop_stars: q.ocop_rating?.stars ?? null, certificate_types: [...new Set(q.certificates.map((c) => c.type))] }])
  )
}

/** A cooperative's certificates in force (those it holds, whichever products they cover). */
export async function cooperativeCertificates(container: MedusaContainer, cooperativeIds: string[], at = new Date()) {
  const result = new Map<string, EffectiveCertificate[]>(cooperativeIds.map((id) => [id, []]))
  if (!cooperativeIds.length) return result
  const certificates = await service(container).listCertificates({ cooperative_id: cooperativeIds, ...inForce(at) })
  for (const c of certificates) result.get(c.cooperative_id)!.push(publicCertificate(c))
  return result
}

/** How many of each cooperative's products carry an OCOP rating in force, and the best stars among them. */
export async function cooperativeOcopSummary(container: MedusaContainer, cooperativeIds: string[], at = new Date()) {
  const result = new Map<string, { ocop_product_count: number; best_ocop_stars: number | null }>(
    cooperativeIds.map((id) => [id, { ocop_product_count: 0, best_ocop_stars: null }])
  )
  if (!cooperativeIds.length) return result
  const ratings = await service(container).listOcopRatings({ cooperative_id: cooperativeIds, ...inForce(at) }, { select: ["cooperative_id", "stars"] })
  for (const r of ratings) {
    const entry = result.get(r.cooperative_id)!
    entry.ocop_product_count += 1
    entry.best_ocop_stars = Math.max(entry.best_ocop_stars ?? 0, r.stars)
  }
  return result
}

/** Product ids (among all) whose effective rating has at least `minStars`, and/or that a certificate of `type` in force covers. */
export async function productIdsWithQuality(
  container: MedusaContainer,
  filter: { min_stars?: number; certificate?: CertificateType },
  at = new Date()
): Promise<string[]> {
  const certification = service(container)
  let ids: Set<string> | null = null
  if (filter.min_stars) {
    const ratings = await certification.listOcopRatings({ ...inForce(at), stars: { $gte: filter.min_stars } }, { select: ["product_id"] })
    ids = new Set(ratings.map((r) => r.product_id))
  }
  if (filter.certificate) {
    const coverage = await certification.listCertificateProducts(
      { certificate: { ...inForce(at), type: filter.certificate } } as any,
      { select: ["product_id"] }
    )
    const covered = new Set(coverage.map((c) => c.product_id))
    ids = ids ? new Set([...ids].filter((id) => covered.has(id))) : covered
  }
  return [...(ids ?? [])]
}
