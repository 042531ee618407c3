import type { MedusaResponse } from "@medusajs/framework/http"
import { vendorReview } from "../../../workflows/review/read/reviews"
import { REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"
import type { VendorRequest } from "../tenant"
import type { z } from "zod"
import type { VendorListReviewsQuery } from "./validators"

/** GET /vendor/reviews?product_id=&subject_type=&replied=: published reviews of the cooperative and its products, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, product_id, subject_type, replied } = req.validatedQuery as z.infer<typeof VendorListReviewsQuery>
  const filters: Record<string, unknown> = { cooperative_id: req.tenant.cooperative.id, status: "published" }
  if (product_id) filters.product_id = product_id
  if (subject_type) filters.subject_type = subject_type
  if (replied) filters.reply = replied === "true" ? { $ne: null } : null
  const [reviews, count] = await (req.scope.resolve(REVIEW_MODULE) as ReviewModuleService).listAndCountShopperReviews(filters, {
    skip: offset,
    take: limit,
    order: { published_at: "DESC" },
  })
  res.json({ reviews: reviews.map(vendorReview), count, limit, offset })
}
