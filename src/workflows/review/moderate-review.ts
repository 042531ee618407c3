import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyModerationStep, ModerateReviewInput } from "./steps/update-review"

export const REVIEW_MODERATED_EVENT = "shopper_review.moderated"

/** A union admin publishes, rejects (with a reason) or hides a review. */
export const moderateReviewWorkflow = createWorkflow("moderate-shopper-review", (input: ModerateReviewInput) => {
  // Two admins on the same review: the second waits, then meets the new status.
  const key = transform({ input }, ({ input }) => `shopper-review:${input.id}`)
  acquireLockStep({ key, timeout: 5, ttl: 30 })
  const change = applyModerationStep(input)
  emitEventStep({ eventName: REVIEW_MODERATED_EVENT, data: change })
  releaseLockStep({ key })
  return new WorkflowResponse(change)
})
