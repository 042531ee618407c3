import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"
import { alreadyReviewed, ReviewDraft } from "./check-review-eligibility"
import { errorFields } from "../../../lib/errors"

/** Writes the review as `pending`. The unique index (order, subject) settles two simultaneous submissions. */
export const createReviewStep = createStep(
  "create-shopper-review",
  async (draft: ReviewDraft, { container }) => {
    const service: ReviewModuleService = container.resolve(REVIEW_MODULE)
    try {
      const review = await service.createShopperReviews({
        subject_type: draft.subject_type,
        subject_id: draft.subject_id,
        product_id: draft.product_id,
        cooperative_id: draft.cooperative_id,
        order_id: draft.order_id,
        customer_id: draft.customer_id,
        author_name: draft.author_name,
        rating: draft.rating,
        title: draft.title,
        body: draft.body,
        photo_urls: (draft.photo_urls?.length ? draft.photo_urls : null) as any,
        status: "pending",
      })
      return new StepResponse(review, review.id)
    } catch (err) {
      const e = errorFields(err)
      // Medusa reports the unique index (order, subject) as "… already exists." (type invalid_data or duplicate_error).
      if (e.type === MedusaError.Types.DUPLICATE_ERROR || /already exists|duplicate key/i.test(String(e.message))) throw alreadyReviewed()
      throw err
    }
  },
  async (id, { container }) => {
    if (id) await (container.resolve(REVIEW_MODULE) as ReviewModuleService).deleteShopperReviews(id)
  }
)
