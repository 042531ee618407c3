import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CERTIFICATION_CHANGED_EVENTS } from "./events"
import { applyReviewDecisionStep, ReviewDecisionInput } from "./steps/apply-review-decision"

/** The union verifies, rejects or revokes a rating or certificate. Only admin routes run this. */
export const reviewCertificationWorkflow = createWorkflow("review-certification", (input: ReviewDecisionInput) => {
  // Two admins deciding on the same item at once: the second waits and then meets the new status.
  const key = transform({ input }, ({ input }) => `certification-review:${input.id}`)
  acquireLockStep({ key, timeout: 5, ttl: 30 })
  const changes = applyReviewDecisionStep(input)
  emitEventStep({
    eventName: transform({ input }, ({ input }) => CERTIFICATION_CHANGED_EVENTS[input.subject_type]),
    data: changes,
  })
  releaseLockStep({ key })
  return new WorkflowResponse(changes)
})
