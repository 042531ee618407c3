import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CooperativeRecord, validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

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
    const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        items: input.items,
        location_id: input.location_id,
        created_by: input.created_by,
      })),
    })
    return new WorkflowResponse(fulfillment)
  }
)
