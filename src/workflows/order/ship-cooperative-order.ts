import { acquireLockStep, createOrderShipmentWorkflow, releaseLockStep, updateFulfillmentWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { orderDeliveryLockKey } from "./steps/refuse-after-failed-delivery"

export type ShipCooperativeOrderInput = {
  cooperative_id: string
  order_id: string
  fulfillment_id: string
  carrier: string
  tracking_number: string
  tracking_url?: string
  created_by: string
}

const validateShippableStep = createStep("validate-fulfillment-shippable", async ({ fulfillment }: { fulfillment: { shipped_at?: Date | string | null; canceled_at?: Date | string | null } }) => {
  if (fulfillment.canceled_at) throw conflict("fulfillment_canceled", "This fulfilment was canceled.")
  if (fulfillment.shipped_at) throw conflict("already_shipped", "This fulfilment has already been shipped.")
  return new StepResponse(undefined)
})

/** The parcel leaves the cooperative: Medusa's shipment with the tracking number, and the carrier's name on the fulfilment. */
export const shipCooperativeOrderWorkflow = createWorkflow("ship-cooperative-order", (input: ShipCooperativeOrderInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({
      cooperative_id: input.cooperative_id,
      records: [{ kind: "fulfillment" as const, id: input.fulfillment_id, order_id: input.order_id }],
    }))
  )
  // Read and shipped under the order's lock: two ships of one parcel at once both saw it unshipped.
  const lockKey = transform({ input }, ({ input }) => orderDeliveryLockKey(input.order_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const { data: fulfillments } = useQueryGraphStep({
    entity: "fulfillment",
    fields: ["id", "shipped_at", "canceled_at", "metadata", "items.line_item_id", "items.quantity"],
    filters: { id: input.fulfillment_id },
    options: { throwIfKeyNotFound: true },
  })
  validateShippableStep({ fulfillment: fulfillments[0] })
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ input, fulfillments }, ({ input, fulfillments }) => ({
      order_id: input.order_id,
      fulfillment_id: input.fulfillment_id,
      created_by: input.created_by,
      items: fulfillments[0].items.map((i) => ({ id: i.line_item_id!, quantity: i.quantity })),
      labels: [{ tracking_number: input.tracking_number, tracking_url: input.tracking_url ?? "", label_url: "" }],
    })),
  })
  updateFulfillmentWorkflow.runAsStep({
    input: transform({ input, fulfillments }, ({ input, fulfillments }) => ({
      id: input.fulfillment_id,
      metadata: { ...(fulfillments[0].metadata ?? {}), carrier: input.carrier },
    })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(undefined)
})
