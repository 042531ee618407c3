import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCooperativeInviteStep } from "./steps/create-cooperative-invite"
import { validateCooperativeUniquenessStep } from "./steps/validate-cooperative-uniqueness"

export const inviteCooperativeUserWorkflow = createWorkflow(
  "invite-cooperative-user",
  (input: { cooperative_id: string; email: string; role: "owner" | "staff"; invited_by: string }) => {
    validateCooperativeUniquenessStep({ user_email: input.email })
    const invite = createCooperativeInviteStep(input)
    emitEventStep({
      eventName: "cooperative.invite_created",
      data: transform({ invite }, ({ invite }) => ({ id: invite.id })),
    })
    return new WorkflowResponse(invite)
  }
)
