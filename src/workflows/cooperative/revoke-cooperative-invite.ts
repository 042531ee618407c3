import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeCooperativeInviteStep, RevokeCooperativeInviteInput } from "./steps/revoke-cooperative-invite"

export const revokeCooperativeInviteWorkflow = createWorkflow(
  "revoke-cooperative-invite",
  (input: RevokeCooperativeInviteInput) => new WorkflowResponse(revokeCooperativeInviteStep(input))
)
