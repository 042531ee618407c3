import {
  acquireLockStep,
  adjustInventoryLevelsStep,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { InventoryLevelWorkflowEvents } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { methodOf } from "../../modules/order-group/rules/collector"
import { failedDeliveryAmount, failedDeliveryCostBearer, returnShippingPaidBy } from "../../modules/order-group/rules/failed-delivery"
import { formatVnd } from "../../lib/money"
import { failedDeliveryOf, hasFailedDelivery, type FailedDeliveryReason, type FailedDeliveryRecord } from "./utils/order-progress"
import type { LedgerEntryInput } from "../../modules/ledger"
import type { PaymentShare } from "../../modules/order-group"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { bookLedgerEntriesStep } from "../ledger/steps/book-ledger-entries"
import { recordFailedDeliveryStep } from "./steps/record-failed-delivery"
import { orderDeliveryLockKey } from "./steps/refuse-after-failed-delivery"
import { refundCooperativeShareStep } from "./steps/refund-cooperative-share"

export type FailCooperativeDeliveryInput = {
  cooperative_id: string
  order_id: string
  fulfillment_id: string
  reason: FailedDeliveryReason
  note?: string | null
  return_shipping_cost: number
  recorded_by: string
}

const REASON_VI: Record<FailedDeliveryReason, string> = {
  refused: "người mua từ chối nhận",
  unreachable: "không liên lạc được người mua",
  damaged: "hàng hư hỏng khi giao",
  other: "lý do khác",
}

const ORDER_FIELDS = [
  "id", "display_id", "status", "canceled_at",
  "fulfillments.id", "fulfillments.location_id", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at",
  "fulfillments.metadata", "fulfillments.items.inventory_item_id", "fulfillments.items.quantity",
  "order_group.id", "order_group.shares", "order_group.payment_provider_id",
]

/**
 * Under the order's delivery lock: only a shipped, undelivered, uncanceled parcel of an order none
 * of whose parcels was delivered can come back, and only once. Plans every write from what it read:
 * the stock to put back, the record, the ledger line (the union's rule on who bears the return
 * shipping), and whether the shopper's prepaid share goes back.
 */
/** What the plan reads of the order (with its purchase and fulfilments). */
type FailingOrder = {
  id: string
  display_id: number | string | null
  status: string
  canceled_at?: Date | string | null
  order_group?: { shares?: unknown; payment_provider_id?: string | null } | null
  fulfillments?: ({
    id: string
    canceled_at?: Date | string | null
    shipped_at?: Date | string | null
    delivered_at?: Date | string | null
    location_id: string
    metadata?: Record<string, unknown> | null
    items?: { inventory_item_id?: string | null; quantity: unknown }[] | null
  } | null)[] | null
}

const planFailedDeliveryStep = createStep(
  "plan-failed-delivery",
  async ({ order, input }: { order: FailingOrder; input: FailCooperativeDeliveryInput }) => {
    if (order.status === "canceled" || order.canceled_at) throw conflict("order_canceled", "This order was canceled.")
    const active = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at)
    const fulfillment = (order.fulfillments ?? []).find((f) => f?.id === input.fulfillment_id)
    if (!fulfillment) throw conflict("fulfillment_not_in_order", "This fulfilment does not belong to this order.")
    if (fulfillment.canceled_at) throw conflict("fulfillment_canceled", "This fulfilment was canceled.")
    if (failedDeliveryOf(fulfillment)) throw conflict("delivery_already_failed", "This parcel's failed delivery is already recorded.")
    if (!fulfillment.shipped_at) throw conflict("not_shipped", "Only a shipped parcel can come back; cancel the fulfilment instead.")
    if (fulfillment.delivered_at) throw conflict("already_delivered", "This parcel was delivered; a return after delivery is a refund, not a failed delivery.")
    // A sale is booked for a whole order, once every parcel is delivered; an order with a delivered
    // parcel is settled by delivering the rest (or a refund), never by a failed delivery.
    if (active.some((f) => f?.delivered_at)) {
      throw conflict("order_partly_delivered", "Another parcel of this order was delivered; record the rest as delivered, or ask the union for a refund.")
    }

    const share = ((order.order_group?.shares ?? []) as PaymentShare[]).find((s) => s.order_id === order.id) ?? null
    const providerId = order.order_group?.payment_provider_id ?? null
    const paidBy = returnShippingPaidBy(share, providerId)
    const bearer = failedDeliveryCostBearer()
    const amount = failedDeliveryAmount(input.return_shipping_cost, paidBy, bearer)
    const recorded_at = new Date()
    const record: FailedDeliveryRecord = {
      reason: input.reason,
      note: input.note ?? null,
      return_shipping_cost: input.return_shipping_cost,
      recorded_by: input.recorded_by,
      recorded_at: recorded_at.toISOString(),
    }
    const entry: LedgerEntryInput = {
      cooperative_id: input.cooperative_id,
      type: "failed_delivery",
      amount,
      source_type: "failed_delivery",
      source_id: fulfillment.id,
      order_id: order.id,
      description:
        `Giao hàng thất bại (${REASON_VI[input.reason]}), đơn #${order.display_id}: phí hoàn hàng ${formatVnd(input.return_shipping_cost)}, ` +
        `${paidBy === "union" ? "liên minh" : "HTX"} đã trả nhà vận chuyển, ${bearer === "union" ? "liên minh" : "HTX"} chịu`,
      reason: input.note ? `${input.reason}: ${input.note}` : input.reason,
      created_by: input.recorded_by,
      occurred_at: recorded_at,
      // Nothing to wait for: the carrier has been paid.
      available_at: recorded_at,
    }
    return new StepResponse({
      fulfillment_id: fulfillment.id,
      metadata: fulfillment.metadata ?? {},
      record,
      // Fulfilment items are inventory quantities already (kits and required quantities included).
      restock: (fulfillment.items ?? [])
        .flatMap((i) => (i.inventory_item_id ? [{ inventory_item_id: i.inventory_item_id, location_id: fulfillment.location_id, adjustment: Number(i.quantity) }] : [])),
      entry,
      // Cash on delivery was never collected for a parcel that came back: nothing to give back. A
      // prepaid share goes back once per order (the first of its parcels to come back).
      refund: methodOf(share, providerId) !== "cod" && !hasFailedDelivery(order),
    })
  }
)

/**
 * A shipped parcel came back (refused, unreachable, damaged): its stock returns to the location it
 * left, the failure is recorded on the fulfilment, a prepaid share goes back to the shopper, and the
 * return shipping cost is booked as the union's rule says. The order is never delivered, so no sale
 * is ever booked for it. See docs/money/failed-deliveries.md.
 */
export const failCooperativeDeliveryWorkflow = createWorkflow("fail-cooperative-delivery", (input: FailCooperativeDeliveryInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({
      cooperative_id: input.cooperative_id,
      records: [{ kind: "fulfillment" as const, id: input.fulfillment_id, order_id: input.order_id }],
    }))
  )
  const lockKey = transform({ input }, ({ input }) => orderDeliveryLockKey(input.order_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const plan = planFailedDeliveryStep(transform({ orders, input }, ({ orders, input }) => ({ order: orders[0], input })))

  const levels = adjustInventoryLevelsStep(transform({ plan }, ({ plan }) => plan.restock))
  recordFailedDeliveryStep(transform({ plan }, ({ plan }) => ({ fulfillment_id: plan.fulfillment_id, metadata: plan.metadata, record: plan.record })))
  // The writes above are undone if the refund fails; a refund cannot be taken back, so it comes after them.
  const refund = when({ plan }, ({ plan }) => plan.refund).then(() =>
    refundCooperativeShareStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, created_by: input.recorded_by })))
  )
  // Append-only, so the last write (a retry books nothing twice: the line's source is the fulfilment).
  bookLedgerEntriesStep(transform({ plan }, ({ plan }) => ({ entries: [plan.entry] })))
  emitEventStep({
    eventName: InventoryLevelWorkflowEvents.UPDATED,
    data: transform({ levels, input }, ({ levels, input }) => (levels ?? []).map((l) => ({ id: l.id, order_id: input.order_id }))),
  }).config({ name: "emit-inventory-level-updated" })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ plan, refund }, ({ plan, refund }) => ({ ledger_amount: plan.entry.amount, refund: refund ?? null })))
})
