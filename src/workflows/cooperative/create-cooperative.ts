import { createRemoteLinkStep, createShippingProfilesStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE } from "../../modules/cooperative"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { VENDOR_ACTOR_TYPE } from "../../modules/cooperative/vendor-actor"
import { createCooperativeStep } from "./steps/create-cooperative"
import { validateCooperativeUniquenessStep } from "./steps/validate-cooperative-uniqueness"
import { CooperativeProfileInput } from "./types"

export type CreateCooperativeWorkflowInput = {
  auth_identity_id: string
  owner_email: string
  owner: { first_name?: string | null; last_name?: string | null; phone?: string | null }
  cooperative: CooperativeProfileInput
}

/**
 * Registration: the pending cooperative, its owner, the shipping profile its products ship under,
 * and the owner's sign-in tied to the owner account, all or nothing.
 */
export const createCooperativeWorkflow = createWorkflow(
  "create-cooperative",
  (input: CreateCooperativeWorkflowInput) => {
    validateCooperativeUniquenessStep({
      handle: input.cooperative.handle,
      tax_code: input.cooperative.tax_code,
      user_email: input.owner_email,
    })
    const created = createCooperativeStep(
      transform({ input }, ({ input }) => ({
        cooperative: input.cooperative,
        owner: { ...input.owner, email: input.owner_email },
      }))
    )
    const profiles = createShippingProfilesStep(
      transform({ created }, ({ created }) => [{ name: `cooperative:${created.cooperative.id}`, type: "cooperative" }])
    )
    createRemoteLinkStep(
      transform({ created, profiles }, ({ created, profiles }) => [
        { [COOPERATIVE_MODULE]: { cooperative_id: created.cooperative.id }, [Modules.FULFILLMENT]: { shipping_profile_id: profiles[0].id } },
      ] as LinkDefinition[])
    ).config({ name: "link-cooperative-shipping-profile" })
    setAuthAppMetadataStep({
      authIdentityId: input.auth_identity_id,
      actorType: VENDOR_ACTOR_TYPE,
      value: created.owner.id,
    })
    return new WorkflowResponse(created)
  }
)
