import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { fullReview } from "../../../../workflows/review/read/reviews"
import { REVIEW_MODULE, ReviewModuleService } from "../../../../modules/review"

export async function retrieveReview(scope: MedusaRequest["scope"], id: string) {
  const [review] = await (scope.resolve(REVIEW_MODULE) as ReviewModuleService).listShopperReviews({ id })
  if (!review) throw notFound("Review", id)
  return fullReview(review)
}

/** GET /admin/reviews/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ review: await retrieveReview(req.scope, req.params.id) })
}
