import { updateShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import type { FulfillmentWorkflow } from "@medusajs/framework/types"

export type UpdateCooperativeShippingOptionInput = {
  cooperative_id: string
  id: string
  update: Partial<FulfillmentWorkflow.UpdateCalculatedShippingOptionInput>
}

/** A cooperative changes one of its own rates; the update cannot move it to another profile or zone. */
export const updateCooperativeShippingOptionWorkflow = createWorkflow(
  "update-cooperative-shipping-option",
  (input: UpdateCooperativeShippingOptionInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "shipping_option" as const, id: input.id }] }))
    )
    const updated = updateShippingOptionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const { id: _id, shipping_profile_id: _profile, service_zone_id: _zone, ...update } = input.update
        return [{ ...update, id: input.id }]
      }),
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
