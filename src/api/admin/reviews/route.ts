import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fullReview } from "../../../workflows/review/read/reviews"
import { REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"
import type { z } from "zod"
import type { AdminListReviewsQuery } from "../validators"

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** GET /admin/reviews?status=&cooperative_id=&product_id=&subject_type=&stars=&q=: the moderation queue (oldest first for pending). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, cooperative_id, product_id, subject_type, stars, q } = req.validatedQuery as z.infer<typeof AdminListReviewsQuery>
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (cooperative_id) filters.cooperative_id = cooperative_id
  if (product_id) filters.product_id = product_id
  if (subject_type) filters.subject_type = subject_type
  if (stars) filters.rating = stars
  if (q) filters.$or = [{ title: { $ilike: likePattern(q) } }, { body: { $ilike: likePattern(q) } }, { author_name: { $ilike: likePattern(q) } }]
  const service: ReviewModuleService = req.scope.resolve(REVIEW_MODULE)
  const [reviews, count] = await service.listAndCountShopperReviews(filters, {
    skip: offset,
    take: limit,
    order: { created_at: status === "pending" ? "ASC" : "DESC" },
  })
  res.json({ reviews: reviews.map(fullReview), count, limit, offset })
}
