import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fullReview } from "../../../workflows/review/read/reviews"
import { createReviewWorkflow } from "../../../workflows/review/create-review"
import type { z } from "zod"
import type { CreateReviewBody } from "../validators"

/** POST /store/reviews: a signed-in customer reviews a delivered product of their order, or its cooperative. Starts `pending`. */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof CreateReviewBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createReviewWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      order_id: body.order_id,
      subject_type: body.product_id ? "product" : "cooperative",
      // The schema requires exactly one of them.
      subject_id: (body.product_id ?? body.cooperative_id)!,
      rating: body.rating,
      title: body.title,
      body: body.body,
      photo_urls: body.photo_urls,
    },
  })
  const { customer_id, moderated_by, ...mine } = fullReview(result)
  res.status(201).json({ review: mine })
}
