import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import type { FulfillmentWorkflow } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type CreateCooperativeShippingOptionInput = { cooperative_id: string; option: FulfillmentWorkflow.CreateShippingOptionsWorkflowInput }

/** A rate of the cooperative's own: only on its shipping profile, only in a service zone of its own warehouse. */
export const createCooperativeShippingOptionWorkflow = createWorkflow(
  "create-cooperative-shipping-option",
  (input: CreateCooperativeShippingOptionInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [
          { kind: "shipping_profile" as const, id: input.option.shipping_profile_id },
          { kind: "service_zone" as const, id: input.option.service_zone_id },
        ],
      }))
    )
    const created = createShippingOptionsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => [input.option]) })
    return new WorkflowResponse(transform({ created }, ({ created }) => created[0]))
  }
)
