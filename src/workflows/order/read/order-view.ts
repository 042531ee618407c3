import { failedDeliveryOf, orderProgress, type FailedDeliveryRecord, type FulfillmentRow } from "../utils/order-progress"

// One cooperative's order as shopper, cooperative and union read it (store purchases, vendor orders).

/** An order read with ORDER_VIEW_FIELDS (amounts may be numbers or BigNumber values). */
export type OrderViewRow = {
  id: string
  display_id?: number | null
  status?: string
  email?: string | null
  currency_code?: string
  created_at?: Date | string | null
  canceled_at?: Date | string | null
  item_total?: unknown
  shipping_total?: unknown
  discount_total?: unknown
  total?: unknown
  items?: {
    id: string
    product_id?: string | null
    product_title?: string | null
    variant_id?: string | null
    variant_title?: string | null
    variant_sku?: string | null
    thumbnail?: string | null
    quantity?: unknown
    unit_price?: unknown
    total?: unknown
  }[] | null
  shipping_methods?: { id: string; name?: string | null; amount?: unknown }[] | null
  shipping_address?: unknown
  fulfillments?: FulfillmentRow[] | null
}

/** Order fields every order view needs, shopper's and cooperative's alike. */
export const ORDER_VIEW_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "created_at",
  "canceled_at",
  "metadata",
  "total",
  "subtotal",
  "item_total",
  "shipping_total",
  "discount_total",
  "tax_total",
  "items.id",
  "items.title",
  "items.product_id",
  "items.product_title",
  "items.variant_id",
  "items.variant_title",
  "items.variant_sku",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "shipping_address.*",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.shipping_option_id",
  "fulfillments.id",
  "fulfillments.location_id",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
]

/**
 * One order as its readers see it: totals in whole đồng, its progress, and the carrier's tracking.
 * A failed delivery shows its reason and date to everyone; `internal` readers (the cooperative and
 * the union) also see the note, the return shipping cost and who recorded it.
 */
export function serializeOrder(order: OrderViewRow, share?: number, { internal = false }: { internal?: boolean } = {}) {
  return {
    id: order.id,
    display_id: order.display_id,
    status: order.status,
    progress: orderProgress(order),
    email: order.email,
    currency_code: order.currency_code,
    created_at: order.created_at,
    item_total: Number(order.item_total),
    shipping_total: Number(order.shipping_total),
    discount_total: Number(order.discount_total),
    total: Number(order.total),
    ...(share !== undefined ? { payment_share: share } : {}),
    failed_delivery: failedDeliveryView(
      failedDeliveryOf((order.fulfillments ?? []).find((f) => f && !f.canceled_at && failedDeliveryOf(f))),
      internal
    ),
    items: (order.items ?? []).map((i) => ({
      id: i.id,
      product_id: i.product_id,
      product_title: i.product_title,
      variant_id: i.variant_id,
      variant_title: i.variant_title,
      variant_sku: i.variant_sku,
      thumbnail: i.thumbnail,
      quantity: Number(i.quantity),
      unit_price: Number(i.unit_price),
      total: Number(i.total),
    })),
    shipping_methods: (order.shipping_methods ?? []).map((m) => ({ id: m.id, name: m.name, amount: Number(m.amount) })),
    shipping_address: order.shipping_address ?? null,
    fulfillments: (order.fulfillments ?? []).map((f) => ({
      id: f.id,
      created_at: f.created_at,
      shipped_at: f.shipped_at,
      delivered_at: f.delivered_at,
      canceled_at: f.canceled_at,
      carrier: f.metadata?.carrier ?? null,
      tracking_numbers: (f.labels ?? []).map((l) => l.tracking_number).filter(Boolean),
      failed_delivery: failedDeliveryView(failedDeliveryOf(f), internal),
    })),
  }
}

function failedDeliveryView(record: FailedDeliveryRecord | null, internal: boolean) {
  if (!record) return null
  const seen = { reason: record.reason, recorded_at: record.recorded_at }
  return internal ? { ...seen, note: record.note, return_shipping_cost: record.return_shipping_cost, recorded_by: record.recorded_by } : seen
}
