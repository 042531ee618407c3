import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { notFound } from "../../../../../lib/errors"
import { cooperativeIdsOfProducts } from "../../../../../workflows/cooperative/read/ownership"
import { productQuality } from "../../../../../workflows/certification/read/quality"
import { summarize } from "../../../../../modules/review/rules/summary"
import { CERTIFICATION_MODULE, CertificationModuleService } from "../../../../../modules/certification"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../modules/cooperative"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService, revisionView } from "../../../../../modules/product-revision"
import { REVIEW_MODULE, ReviewModuleService } from "../../../../../modules/review"

/**
 * GET /admin/products/:id/coopstall: what the product page widget of Medusa Admin shows: the
 * product's cooperative, its effective OCOP rating (and one waiting for review), certificates in
 * force, the summary of published reviews with how many wait for moderation, and the changes the
 * cooperative proposed to the live listing (with their diff), if any wait.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const id = req.params.id
  const [product] = await req.scope
    .resolve(Modules.PRODUCT)
    .listProducts(
      { id },
      { select: ["id", "title", "subtitle", "description", "handle", "thumbnail", "origin_country"], relations: ["images"] }
    )
  if (!product) throw notFound("Product", id)
  const reviews: ReviewModuleService = req.scope.resolve(REVIEW_MODULE)
  const certification: CertificationModuleService = req.scope.resolve(CERTIFICATION_MODULE)
  const [owners, quality, stars, pendingReviews, submitted, pendingRevision] = await Promise.all([
    cooperativeIdsOfProducts(req.scope, [id]),
    productQuality(req.scope, [id]),
    reviews.publishedStarCounts("product_id", [id], "product"),
    reviews.listAndCountShopperReviews({ product_id: id, status: "pending" }, { select: ["id"], take: 1 }),
    certification.listOcopRatings({ product_id: id, status: "submitted" }, { select: ["id", "stars", "decision_number", "created_at"] }),
    (req.scope.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).pendingRevision(id),
  ])
  const cooperativeId = owners.get(id)
  const [cooperative] = cooperativeId
    ? await (req.scope.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives(
        { id: cooperativeId },
        { select: ["id", "handle", "name", "province", "status"] }
      )
    : []
  res.json({
    product_id: id,
    cooperative: cooperative ?? null,
    ...quality.get(id),
    submitted_ocop_rating: submitted[0] ?? null,
    reviews: { ...summarize(stars.get(id)!), pending_count: pendingReviews[1] },
    pending_revision: pendingRevision ? revisionView(product, pendingRevision) : null,
  })
}
