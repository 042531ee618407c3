import { acquireLockStep, cancelOrderFulfillmentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { orderDeliveryLockKey } from "./steps/refuse-after-failed-delivery"

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
    const lockKey = transform({ input }, ({ input }) => orderDeliveryLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    cancelOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        fulfillment_id: input.fulfillment_id,
        canceled_by: input.canceled_by,
      })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(undefined)
  }
)
