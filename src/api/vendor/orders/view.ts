import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../lib/errors"
import { ORDER_VIEW_FIELDS, serializeOrder, type OrderViewRow } from "../../../workflows/order/read/order-view"
import { PaymentShare } from "../../../modules/order-group"

const VENDOR_ORDER_FIELDS = [...ORDER_VIEW_FIELDS, "order_group.id", "order_group.shares", "order_group.payment_provider_id"]

/** A cooperative's order as its staff see it: only its own items, with its share of the payment. */
/** An order read with VENDOR_ORDER_FIELDS. */
type VendorOrderRow = OrderViewRow & { order_group?: { shares?: unknown; payment_provider_id?: string | null } | null }

export function serializeVendorOrder(order: VendorOrderRow) {
  const share = (order.order_group?.shares as PaymentShare[] | undefined)?.find((s) => s.order_id === order.id)
  return {
    ...serializeOrder(order, share?.amount, { internal: true }),
    payment_provider_id: order.order_group?.payment_provider_id ?? null,
  }
}

export async function listVendorOrders(container: MedusaContainer, ids: string[], filters: { created_from?: Date; created_to?: Date }) {
  if (!ids.length) return []
  const created_at: Record<string, Date> = {}
  if (filters.created_from) created_at.$gte = filters.created_from
  if (filters.created_to) created_at.$lte = filters.created_to
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: VENDOR_ORDER_FIELDS,
    filters: { id: ids, ...(Object.keys(created_at).length ? { created_at } : {}) },
    pagination: { order: { created_at: "DESC" } },
  })
  return data.map((order) => serializeVendorOrder(order as VendorOrderRow))
}

export async function vendorOrder(container: MedusaContainer, id: string) {
  const [order] = await listVendorOrders(container, [id], {})
  if (!order) throw notFound("Order", id)
  return order
}
