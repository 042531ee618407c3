import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CertificationSubject } from "../../modules/certification"
import type { Actor } from "../../modules/certification/service"
import { CERTIFICATION_CHANGED_EVENTS } from "./events"
import { resubmitCertificationStep } from "./steps/resubmit-certification"
import { type SubmissionFields, validateSubmissionStep } from "./steps/validate-submission"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type ResubmitCertificationWorkflowInput = Actor & {
  subject_type: CertificationSubject
  cooperative_id: string
  id: string
  fields: SubmissionFields
}

/** A cooperative corrects a rejected (or still pending) submission; it returns to the union's queue. */
export const resubmitCertificationWorkflow = createWorkflow(
  "resubmit-certification",
  (input: ResubmitCertificationWorkflowInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [{ kind: input.subject_type, id: input.id }],
      }))
    )
    const fields = validateSubmissionStep({
      subject_type: input.subject_type,
      cooperative_id: input.cooperative_id,
      id: input.id,
      fields: input.fields,
    })
    const { change } = resubmitCertificationStep(
      transform({ input, fields }, ({ input, fields }) => {
        const { cooperative_id: _owner, ...changes } = fields as Record<string, unknown>
        return { subject_type: input.subject_type, id: input.id, fields: changes, actor_type: input.actor_type, actor_id: input.actor_id }
      })
    )
    emitEventStep({
      eventName: transform({ input }, ({ input }) => CERTIFICATION_CHANGED_EVENTS[input.subject_type]),
      data: change,
    })
    return new WorkflowResponse({ id: input.id })
  }
)
