import { deleteShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type DeleteCooperativeShippingOptionInput = { cooperative_id: string; id: string }

/** A cooperative removes one of its own rates. */
export const deleteCooperativeShippingOptionWorkflow = createWorkflow(
  "delete-cooperative-shipping-option",
  (input: DeleteCooperativeShippingOptionInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "shipping_option" as const, id: input.id }] }))
    )
    deleteShippingOptionsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.id] })) })
    return new WorkflowResponse(input.id)
  }
)
