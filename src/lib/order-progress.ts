/**
 * Where one cooperative's order stands, in the words shopper and cooperative share:
 * pending (placed, not yet packed) → fulfilled (packed) → shipped → delivered, or canceled.
 */
export type OrderProgress = "pending" | "fulfilled" | "shipped" | "delivered" | "canceled"

export function orderProgress(order: { status?: string; canceled_at?: any; fulfillments?: any[] | null }): OrderProgress {
  if (order.status === "canceled" || order.canceled_at) return "canceled"
  const active = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at)
  if (!active.length) return "pending"
  if (active.every((f) => f.delivered_at)) return "delivered"
  if (active.some((f) => f.shipped_at)) return "shipped"
  return "fulfilled"
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

/** One order as its readers see it: totals in whole đồng, its progress, and the carrier's tracking. */
export function serializeOrder(order: any, share?: number) {
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
    items: (order.items ?? []).map((i: any) => ({
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
    shipping_methods: (order.shipping_methods ?? []).map((m: any) => ({ id: m.id, name: m.name, amount: Number(m.amount) })),
    shipping_address: order.shipping_address ?? null,
    fulfillments: (order.fulfillments ?? []).map((f: any) => ({
      id: f.id,
      created_at: f.created_at,
      shipped_at: f.shipped_at,
      delivered_at: f.delivered_at,
      canceled_at: f.canceled_at,
      carrier: f.metadata?.carrier ?? null,
      tracking_numbers: (f.labels ?? []).map((l: any) => l.tracking_number).filter(Boolean),
    })),
  }
}
