import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarize } from "../../../../../modules/review/rules/summary"
import { publicReview } from "../../../../../workflows/review/read/reviews"
import { REVIEW_MODULE, ReviewModuleService } from "../../../../../modules/review"
import type { z } from "zod"
import type { StoreListReviewsQuery } from "../../../validators"

/** GET /store/products/:id/reviews?rating=&limit=&offset=: published reviews, newest first, with the average and the count per star. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, rating } = req.validatedQuery as z.infer<typeof StoreListReviewsQuery>
  const service: ReviewModuleService = req.scope.resolve(REVIEW_MODULE)
  const filters: Record<string, unknown> = { product_id: req.params.id, subject_type: "product", status: "published" }
  if (rating) filters.rating = rating
  const [[reviews, count], stars] = await Promise.all([
    service.listAndCountShopperReviews(filters, { skip: offset, take: limit, order: { published_at: "DESC", id: "DESC" } }),
    service.publishedStarCounts("product_id", [req.params.id], "product"),
  ])
  res.json({ reviews: reviews.map(publicReview), count, limit, offset, summary: summarize(stars.get(req.params.id)!) })
}
