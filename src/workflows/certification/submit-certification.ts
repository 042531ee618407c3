import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CertificationSubject } from "../../modules/certification"
import type { Actor } from "../../modules/certification/service"
import { CERTIFICATION_CHANGED_EVENTS } from "./events"
import { submitCertificationStep } from "./steps/submit-certification"
import { type SubmissionFields, validateSubmissionStep } from "./steps/validate-submission"

export type SubmitCertificationWorkflowInput = Actor & {
  subject_type: CertificationSubject
  cooperative_id: string
  fields: SubmissionFields
}

/** A cooperative submits an OCOP rating or a certificate for the union to review. */
export const submitCertificationWorkflow = createWorkflow(
  "submit-certification",
  (input: SubmitCertificationWorkflowInput) => {
    const fields = validateSubmissionStep({ subject_type: input.subject_type, cooperative_id: input.cooperative_id, fields: input.fields })
    const { id, change } = submitCertificationStep(
      transform({ input, fields }, ({ input, fields }) => ({
        subject_type: input.subject_type,
        fields,
        actor_type: input.actor_type,
        actor_id: input.actor_id,
      }))
    )
    emitEventStep({
      eventName: transform({ input }, ({ input }) => CERTIFICATION_CHANGED_EVENTS[input.subject_type]),
      data: change,
    })
    return new WorkflowResponse({ id })
  }
)
