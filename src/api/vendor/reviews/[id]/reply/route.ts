import type { MedusaResponse } from "@medusajs/framework/http"
import { vendorReview } from "../../../../../workflows/review/read/reviews"
import { REVIEW_MODULE, ReviewModuleService } from "../../../../../modules/review"
import { replyToReviewWorkflow } from "../../../../../workflows/review/reply-to-review"
import type { VendorRequest } from "../../../tenant"
import type { z } from "zod"
import type { ReplyToReviewBody } from "../../validators"

/** POST /vendor/reviews/:id/reply { body }: answer a published review of the cooperative or its product, once. */
export const POST = async (req: VendorRequest<z.infer<typeof ReplyToReviewBody>>, res: MedusaResponse) => {
  const { body } = req.validatedBody
  await replyToReviewWorkflow(req.scope).run({
    input: { id: req.params.id, cooperative_id: req.tenant.cooperative.id, body, user_id: req.tenant.user.id },
  })
  const [review] = await (req.scope.resolve(REVIEW_MODULE) as ReviewModuleService).listShopperReviews({ id: req.params.id })
  res.json({ review: vendorReview(review) })
}
