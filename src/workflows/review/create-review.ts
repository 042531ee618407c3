import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkReviewEligibilityStep, CreateReviewInput } from "./steps/check-review-eligibility"
import { createReviewStep } from "./steps/create-review"

export const REVIEW_CREATED_EVENT = "shopper_review.created"

/** A buyer reviews a delivered product of their order, or the cooperative that sold it; it waits for moderation. */
export const createReviewWorkflow = createWorkflow("create-shopper-review", (input: CreateReviewInput) => {
  const draft = checkReviewEligibilityStep(input)
  const review = createReviewStep(draft)
  emitEventStep({ eventName: REVIEW_CREATED_EVENT, data: transform({ review }, ({ review }) => ({ id: review.id })) })
  return new WorkflowResponse(review)
})
