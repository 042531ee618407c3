/**
 * Where one cooperative's order stands, in the words shopper and cooperative share:
 * pending (placed, not yet packed) → fulfilled (packed) → shipped → delivered, or canceled, or
 * returned (a shipped parcel came back: docs/money/failed-deliveries.md).
 */
export type OrderProgress = "pending" | "fulfilled" | "shipped" | "delivered" | "canceled" | "returned"

export const FAILED_DELIVERY_REASONS = ["refused", "unreachable", "damaged", "other"] as const
export type FailedDeliveryReason = (typeof FAILED_DELIVERY_REASONS)[number]

/** What the cooperative recorded when a shipped parcel came back; kept in the fulfilment's metadata. */
export type FailedDeliveryRecord = {
  reason: FailedDeliveryReason
  note: string | null
  /** Whole đồng the carrier charged for the way back. */
  return_shipping_cost: number
  recorded_by: string
  recorded_at: string
}

/** The fulfilment fields read here, as query.graph returns them (read/order-view.ts: ORDER_VIEW_FIELDS). */
export type FulfillmentRow = {
  id?: string
  created_at?: Date | string | null
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  canceled_at?: Date | string | null
  metadata?: Record<string, unknown> | null
  labels?: { tracking_number?: string | null }[] | null
}

/** The failed delivery recorded on a fulfilment, if any. */
export function failedDeliveryOf(fulfillment: { metadata?: Record<string, unknown> | null } | null | undefined): FailedDeliveryRecord | null {
  const record = fulfillment?.metadata?.failed_delivery
  return record && typeof record === "object" ? (record as FailedDeliveryRecord) : null
}

/** Whether a parcel of the order came back: such an order is never delivered and never a sale. */
export function hasFailedDelivery(order: { fulfillments?: (FulfillmentRow | null)[] | null } | null | undefined): boolean {
  return (order?.fulfillments ?? []).some((f) => f && !f.canceled_at && failedDeliveryOf(f))
}

export function orderProgress(order: { status?: string; canceled_at?: unknown; fulfillments?: (FulfillmentRow | null)[] | null }): OrderProgress {
  if (order.status === "canceled" || order.canceled_at) return "canceled"
  const active = (order.fulfillments ?? []).filter((f): f is FulfillmentRow => !!f && !f.canceled_at)
  if (!active.length) return "pending"
  // One parcel back means the order is not delivered and will not be (its deliver is refused).
  if (hasFailedDelivery(order)) return "returned"
  if (active.every((f) => f.delivered_at)) return "delivered"
  if (active.some((f) => f.shipped_at)) return "shipped"
  return "fulfilled"
}
