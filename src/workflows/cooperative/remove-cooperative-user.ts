import { acquireLockStep, releaseLockStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_ACTOR_TYPE } from "../../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { CooperativeRecord, validateCooperativeOwnershipStep } from "./steps/validate-cooperative-ownership"
import { validateTeamRemovalStep } from "./steps/validate-team-removal"

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

/**
 * An owner removes a member's account and unties its sign-in, so the person can no longer act for
 * the cooperative. One removal at a time per cooperative, so it always keeps an owner.
 */
export const removeCooperativeUserWorkflow = createWorkflow(
  "remove-cooperative-user",
  (input: { cooperative_id: string; user_id: string; auth_identity_id: string | null; removed_by: string }) => {
    // Both the account and the sign-in to untie must be the cooperative's, or nothing changes.
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => {
        const records: CooperativeRecord[] = [{ kind: "cooperative_user", id: input.user_id }]
        if (input.auth_identity_id !== null) records.push({ kind: "auth_identity", id: input.auth_identity_id, user_id: input.user_id })
        return { cooperative_id: input.cooperative_id, records }
      })
    )
    const key = transform({ input }, ({ input }) => `cooperative-team:${input.cooperative_id}`)
    acquireLockStep({ key, timeout: 5, ttl: 30 })
    validateTeamRemovalStep(input)
    softDeleteCooperativeUserStep(input.user_id)
    when("user-has-sign-in", { input }, ({ input }) => !!input.auth_identity_id).then(() => {
      setAuthAppMetadataStep({ authIdentityId: input.auth_identity_id as string, actorType: VENDOR_ACTOR_TYPE, value: null })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(input.user_id)
  }
)
