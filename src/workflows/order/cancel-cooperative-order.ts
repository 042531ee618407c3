import { cancelOrderWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { refundCooperativeShareStep } from "./steps/refund-cooperative-share"

/** What is read of the order: its status and its fulfilments. */
type CancellableOrder = { status: string; fulfillments?: ({ shipped_at?: Date | string | null; canceled_at?: Date | string | null } | null)[] | null }

const validateCancellableStep = createStep("validate-cooperative-order-cancellable", async ({ order }: { order: CancellableOrder }) => {
  if (order.status === "canceled") throw conflict("order_canceled", "This order is already canceled.")
  const active = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at)
  if (active.some((f) => f?.shipped_at)) {
    throw conflict("order_already_shipped", "This order has been handed to the carrier and can no longer be canceled.")
  }
  if (active.length) {
    throw conflict("order_being_fulfilled", "Cancel the order's fulfilment first (POST …/fulfillments/:id/cancel), then the order.")
  }
  return new StepResponse(undefined)
})

/**
 * A cooperative cancels its own order: Medusa's cancellation (reservations released, so the stock
 * is back on sale), then its share of the purchase refunded if the shopper had already paid.
 */
export const cancelCooperativeOrderWorkflow = createWorkflow(
  "cancel-cooperative-order",
  (input: { cooperative_id: string; order_id: string; canceled_by: string }) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "order" as const, id: input.order_id }] }))
    )
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "status", "fulfillments.id", "fulfillments.shipped_at", "fulfillments.canceled_at"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    validateCancellableStep({ order: orders[0] })
    cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id, canceled_by: input.canceled_by } })
    const refund = refundCooperativeShareStep({ order_id: input.order_id, created_by: input.canceled_by })
    return new WorkflowResponse({ refund })
  }
)
