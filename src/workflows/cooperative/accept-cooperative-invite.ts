import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_ACTOR_TYPE } from "../../modules/cooperative/vendor-actor"
import { acceptCooperativeInviteStep, AcceptCooperativeInviteInput } from "./steps/accept-cooperative-invite"

export const acceptCooperativeInviteWorkflow = createWorkflow(
  "accept-cooperative-invite",
  (input: AcceptCooperativeInviteInput & { auth_identity_id: string }) => {
    const user = acceptCooperativeInviteStep(input)
    setAuthAppMetadataStep({
      authIdentityId: input.auth_identity_id,
      actorType: VENDOR_ACTOR_TYPE,
      value: user.id,
    })
    return new WorkflowResponse(user)
  }
)
