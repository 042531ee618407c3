import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import CooperativeOrderLink from "../../links/cooperative-order"
import { allocateVnd } from "../../lib/money"
import { COOPERATIVE_RETURN_MODULE, COUNTED_RETURN_STATUSES, type CooperativeReturnModuleService, type ReturnItem } from "../../modules/cooperative-return"
import { hasFailedDelivery } from "../order/utils/order-progress"
import { fullyDeliveredAt } from "../ledger/steps/prepare-delivered-order-entries"

const ORDER_FIELDS = [
  // An order-level total makes Medusa decorate the totals: without one, item totals and quantities come back raw.
  "id", "display_id", "status", "canceled_at", "customer_id", "item_total",
  "items.id", "items.title", "items.product_title", "items.variant_title", "items.quantity", "items.total",
  "items.variant.inventory_items.inventory_item_id", "items.variant.inventory_items.required_quantity",
  "fulfillments.id", "fulfillments.location_id", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.metadata",
  "fulfillments.items.line_item_id", "fulfillments.items.quantity",
  "order_group.id",
]

/** A delivered fulfilment as read here. */
type Parcel = { location_id?: string | null; delivered_at: string | Date; items?: { line_item_id: string; quantity: unknown }[] | null }

export type ReturnableLine = {
  id: string
  title: string
  quantity: number
  /** Units in parcels delivered so far (an order may arrive in several parcels). */
  delivered: number
  /** When the last parcel carrying this item was delivered: its return window runs from then. */
  delivered_at: Date | null
  /** The item's sale in whole đồng, split from the order's item total exactly as the ledger books it. */
  sale: number
  /** Units already in a return that is not refused or rejected. */
  returned: number
  /** The stock location its delivered parcel left from, and what one unit is in inventory items. */
  location_id: string | null
  inventory: { inventory_item_id: string; required_quantity: number }[]
}

export type OrderForReturn = {
  id: string
  display_id: number
  customer_id: string | null
  cooperative_id: string | null
  order_group_id: string | null
  canceled: boolean
  /** A parcel of it came back undelivered (docs/money/failed-deliveries.md): nothing of it can be returned. */
  failed_delivery: boolean
  /** When every item was delivered (the ledger books the sale then); null while some parcel is on its way. */
  delivered_at: Date | null
  lines: Map<string, ReturnableLine>
}

/** What a return reads of the order, as ORDER_FIELDS loads it. */
type ReturnOrderRow = {
  id: string
  display_id: number | null
  customer_id?: string | null
  status?: string | null
  canceled_at?: Date | string | null
  order_group?: { id: string } | null
  items?: ({
    id: string
    quantity: unknown
    total?: unknown
    title?: string | null
    product_title?: string | null
    variant_title?: string | null
    variant?: { inventory_items?: ({ inventory_item_id: string; required_quantity?: unknown } | null)[] | null } | null
  } | null)[] | null
  fulfillments?: ({
    canceled_at?: Date | string | null
    delivered_at?: Date | string | null
    location_id?: string | null
    metadata?: Record<string, unknown> | null
    items?: ({ line_item_id?: string | null; quantity: unknown } | null)[] | null
  } | null)[] | null
}

/** An order as a return reads it: who bought it, how much of each item was delivered and when, what each item sold for and how much of it is already being returned. */
export async function orderForReturn(container: MedusaContainer, orderId: string, excludeReturnId?: string): Promise<OrderForReturn | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, { data: links }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId, is_draft_order: false } }),
    query.graph({ entity: CooperativeOrderLink.entryPoint, fields: ["cooperative_id"], filters: { order_id: orderId } }),
  ])
  const order = orders[0] as ReturnOrderRow | undefined
  if (!order) return null
  const returns = await (container.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).listCooperativeReturns(
    { order_id: orderId, status: COUNTED_RETURN_STATUSES },
    { select: ["id", "items"] }
  )
  const returned = new Map<string, number>()
  for (const r of returns) {
    if (r.id === excludeReturnId) continue
    for (const i of (r.items as unknown as ReturnItem[]) ?? []) returned.set(i.line_item_id, (returned.get(i.line_item_id) ?? 0) + i.quantity)
  }
  const items = (order.items ?? []).filter((i) => i !== null)
  const totals = items.map((i) => Number(i.total ?? 0))
  const sales = allocateVnd(Math.round(totals.reduce((a, t) => a + t, 0)), totals)
  const delivered = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at && f.delivered_at)
  const lines = new Map<string, ReturnableLine>()
  items.forEach((item, k) => {
    const parcels = (delivered as Parcel[]).filter((f) => (f.items ?? []).some((fi) => fi.line_item_id === item.id && Number(fi.quantity) > 0))
    const parcel = parcels[0]
    const units = parcels.flatMap((f) => f.items ?? []).filter((fi) => fi.line_item_id === item.id)
    lines.set(item.id, {
      id: item.id,
      title: `${item.product_title ?? item.title}${item.variant_title ? ` – ${item.variant_title}` : ""}`,
      quantity: Number(item.quantity),
      delivered: units.reduce((a, fi) => a + Number(fi.quantity), 0),
      delivered_at: parcels.length ? new Date(Math.max(...parcels.map((f) => new Date(f.delivered_at).getTime()))) : null,
      sale: sales[k],
      returned: returned.get(item.id) ?? 0,
      location_id: parcel?.location_id ?? null,
      inventory: (item.variant?.inventory_items ?? []).filter((ii) => ii !== null).map((ii) => ({ inventory_item_id: ii.inventory_item_id, required_quantity: Number(ii.required_quantity ?? 1) })),
    })
  })
  return {
    id: order.id,
    display_id: order.display_id as number,
    customer_id: order.customer_id ?? null,
    cooperative_id: links[0]?.cooperative_id ?? null,
    order_group_id: order.order_group?.id ?? null,
    canceled: order.status === "canceled" || !!order.canceled_at,
    failed_delivery: hasFailedDelivery(order),
    delivered_at: fullyDeliveredAt(order),
    lines,
  }
}

/** One lock per order for every change to its returns: two requests at the same moment are one after the other. */
export const orderReturnLockKey = (orderId: string) => `order-return:${orderId}`
