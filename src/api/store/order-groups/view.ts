import { collectorOf } from "../../../modules/order-group/rules/collector"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../lib/errors"
import { ORDER_VIEW_FIELDS, serializeOrder, type OrderViewRow } from "../../../workflows/order/read/order-view"

type OrderWithCooperative = OrderViewRow & { cooperative?: { id: string; name: string; handle: string; province: string | null } | null }
import { PaymentShare } from "../../../modules/order-group"

/**
 * A purchase as the shopper sees it: the one payment, and each cooperative's order with its
 * items, totals, share of the payment and progress. `internal` (the union's admins) adds what only
 * the union and the cooperative read, such as a failed delivery's note and return shipping cost.
 */
export async function orderGroupView(container: MedusaContainer, id: string, { internal = false }: { internal?: boolean } = {}) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: groups } = await query.graph({
    entity: "order_group",
    fields: ["id", "cart_id", "email", "currency_code", "total", "shares", "payment_collection_id", "payment_provider_id", "payment_reference", "created_at"],
    filters: { id },
  })
  const group = groups[0] as
    | {
        id: string
        created_at: unknown
        email: string
        currency_code: string
        total: unknown
        shares: unknown
        payment_collection_id?: string | null
        payment_provider_id: string
        payment_reference?: string | null
      }
    | undefined
  if (!group) throw notFound("Order group", id)
  const shares = group.shares as PaymentShare[]
  const [{ data: orders }, { data: collections }] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [...ORDER_VIEW_FIELDS, "cooperative.id", "cooperative.name", "cooperative.handle", "cooperative.province"],
      filters: { id: shares.map((s) => s.order_id) },
    }),
    group.payment_collection_id
      ? query.graph({ entity: "payment_collection", fields: ["id", "status", "amount", "captured_amount"], filters: { id: group.payment_collection_id } })
      : Promise.resolve({ data: [] }),
  ])
  // Medusa's generated Order type does not describe the linked fields asked for: read as the view's row.
  const byId = new Map((orders as unknown as OrderWithCooperative[]).map((o) => [o.id, o]))
  const payment = collections[0] as { status: string; captured_amount?: unknown } | undefined
  return {
    id: group.id,
    created_at: group.created_at,
    email: group.email,
    currency_code: group.currency_code,
    total: Number(group.total),
    payment: {
      provider_id: group.payment_provider_id,
      reference: group.payment_reference ?? null,
      status: payment?.status ?? null,
      captured_amount: payment ? Number(payment.captured_amount ?? 0) : 0,
    },
    orders: shares.map((s) => {
      // Every share names one of the purchase's orders.
      const order = byId.get(s.order_id)!
      const c = order.cooperative
      return {
        ...serializeOrder(order, s.amount, { internal }),
        cooperative: c ? { id: c.id, name: c.name, handle: c.handle, province: c.province } : null,
        // Who receives this order's money: the union, or the cooperative (cash through its own carrier).
        payment_collector: collectorOf(s),
      }
    }),
  }
}
