import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { applyReplyStep, ReplyToReviewInput } from "./steps/update-review"

/** Emitted once the reply is recorded; the shopper is emailed from it (src/subscribers/review-replied.ts). */
export const REVIEW_REPLIED = "coopstall.review.replied"

/** A cooperative answers a published review of itself or of its product, once; two simultaneous answers cannot both land. */
export const replyToReviewWorkflow = createWorkflow("reply-to-shopper-review", (input: ReplyToReviewInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "review" as const, id: input.id }] }))
  )
  const key = transform({ input }, ({ input }) => `shopper-review:${input.id}`)
  acquireLockStep({ key, timeout: 5, ttl: 30 })
  const result = applyReplyStep(input)
  releaseLockStep({ key })
  emitEventStep({
    eventName: REVIEW_REPLIED,
    data: transform({ input }, ({ input }) => ({ id: input.id, cooperative_id: input.cooperative_id, replied_by: input.user_id })),
  })
  return new WorkflowResponse(result)
})
