import { acquireLockStep, createOrderFulfillmentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CooperativeRecord, validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { orderDeliveryLockKey } from "./steps/refuse-after-failed-delivery"

export type CreateCooperativeFulfillmentInput = {
  cooperative_id: string
  order_id: string
  items: { id: string; quantity: number }[]
  location_id?: string
  created_by: string
}

/** A cooperative packs its own order from its own warehouse: Medusa's fulfilment, after both are checked. */
export const createCooperativeFulfillmentWorkflow = createWorkflow(
  "create-cooperative-fulfillment",
  (input: CreateCooperativeFulfillmentInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => {
        const records: CooperativeRecord[] = [{ kind: "order", id: input.order_id }]
        if (input.location_id !== undefined) records.push({ kind: "stock_location", id: input.location_id })
        return { cooperative_id: input.cooperative_id, records }
      })
    )
    // Medusa checks what is left to fulfil before it writes: two packs of one order at once would
    // both pass and fulfil it twice (and book its shipping twice). One at a time per order.
    const lockKey = transform({ input }, ({ input }) => orderDeliveryLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        items: input.items,
        location_id: input.location_id,
        created_by: input.created_by,
      })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(fulfillment)
  }
)
