import { cancelOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type CancelCooperativeFulfillmentInput = { cooperative_id: string; order_id: string; fulfillment_id: string; canceled_by: string }

/** Unpacking before it ships: Medusa's fulfilment cancellation, once the order and fulfilment are known to be the cooperative's. */
export const cancelCooperativeFulfillmentWorkflow = createWorkflow(
  "cancel-cooperative-fulfillment",
  (input: CancelCooperativeFulfillmentInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [{ kind: "fulfillment" as const, id: input.fulfillment_id, order_id: input.order_id }],
      }))
    )
    cancelOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        fulfillment_id: input.fulfillment_id,
        canceled_by: input.canceled_by,
      })),
    })
    return new WorkflowResponse(undefined)
  }
)
