import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyReplyStep, ReplyToReviewInput } from "./steps/update-review"

/** A cooperative answers a published review of itself or of its product, once; two simultaneous answers cannot both land. */
export const replyToReviewWorkflow = createWorkflow("reply-to-shopper-review", (input: ReplyToReviewInput) => {
  const key = transform({ input }, ({ input }) => `shopper-review:${input.id}`)
  acquireLockStep({ key, timeout: 5, ttl: 30 })
  const result = applyReplyStep(input)
  releaseLockStep({ key })
  return new WorkflowResponse(result)
})
