import type { MedusaContainer } from "@medusajs/framework/types"
import { CERTIFICATION_MODULE, CertificateType, CertificationModuleService } from "../../../modules/certification"
import { publicCertificate, publicOcopRating, type EffectiveCertificate, type EffectiveOcopRating } from "./certification-view"

// Which ratings and certificates a shopper may be shown (each serialised by ./certification-view.ts):
// only those the union verified, that are not revoked or superseded, and whose expiry instant lies
// after `at`. The status column alone is not enough: an item expires at its instant even if the
// daily job has not run yet.

export type ProductQuality = { ocop_rating: EffectiveOcopRating | null; certificates: EffectiveCertificate[] }

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
export type EffectiveQuality = { ocop_stars: number | null; certificate_types: string[] }

export async function effectiveQuality(container: MedusaContainer, productIds: string[], at = new Date()): Promise<Map<string, EffectiveQuality>> {
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
