import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_ACTOR_TYPE } from "../../lib/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"

const softDeleteCooperativeUserStep = createStep(
  "soft-delete-cooperative-user",
  async (userId: string, { container }) => {
    await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).softDeleteCooperativeUsers([userId])
    return new StepResponse(userId, userId)
  },
  async (userId, { container }) => {
    if (userId) await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).restoreCooperativeUsers([userId])
  }
)

/** Removes a staff account and unties its sign-in, so the person can no longer act for the cooperative. */
export const removeCooperativeUserWorkflow = createWorkflow(
  "remove-cooperative-user",
  (input: { user_id: string; auth_identity_id: string | null }) => {
    softDeleteCooperativeUserStep(input.user_id)
    when("user-has-sign-in", { input }, ({ input }) => !!input.auth_identity_id).then(() => {
      setAuthAppMetadataStep({ authIdentityId: input.auth_identity_id as string, actorType: VENDOR_ACTOR_TYPE, value: null })
    })
    return new WorkflowResponse(input.user_id)
  }
)
