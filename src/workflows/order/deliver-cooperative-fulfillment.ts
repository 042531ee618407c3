import { acquireLockStep, markOrderFulfillmentAsDeliveredWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { orderDeliveryLockKey, refuseAfterFailedDeliveryStep } from "./steps/refuse-after-failed-delivery"

export type DeliverCooperativeFulfillmentInput = { cooperative_id: string; order_id: string; fulfillment_id: string }

/** The shopper has the parcel: Medusa's delivery, once the order and fulfilment are known to be the cooperative's. */
export const deliverCooperativeFulfillmentWorkflow = createWorkflow(
  "deliver-cooperative-fulfillment",
  (input: DeliverCooperativeFulfillmentInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [{ kind: "fulfillment" as const, id: input.fulfillment_id, order_id: input.order_id }],
      }))
    )
    const lockKey = transform({ input }, ({ input }) => orderDeliveryLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    refuseAfterFailedDeliveryStep({ order_id: input.order_id })
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ orderId: input.order_id, fulfillmentId: input.fulfillment_id })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(undefined)
  }
)
