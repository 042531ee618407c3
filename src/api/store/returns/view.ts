import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ReturnItem } from "../../../modules/cooperative-return"

export type ReturnAudience = "customer" | "cooperative" | "union"

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** A cooperative return as its module stores it: the fields answered (passed through as they are). */
type ReturnRecord = {
  id: string
  status: unknown
  order_id: string
  order_group_id?: unknown
  cooperative_id: string
  customer_id?: unknown
  items?: unknown
  reason?: unknown
  photos?: unknown
  cooperative_note?: unknown
  decided_at?: unknown
  decided_by?: unknown
  escalation_note?: unknown
  escalated_at?: unknown
  union_decision?: unknown
  union_note?: unknown
  union_decided_at?: unknown
  union_decided_by?: unknown
  received_at?: unknown
  received_by?: unknown
  refund_amount?: unknown
  refund_id?: unknown
  commission_reversed?: unknown
  created_at?: unknown
  updated_at?: unknown
}

/**
 * A return as each side reads it. The shopper sees the decisions and their reasons, not who among
 * the staff or the union made them, nor the ledger's side (the commission given back).
 */
export function returnView(r: ReturnRecord, audience: ReturnAudience, extra: { order_display_id?: number | null; cooperative?: { id: string; name: string; handle: string } | null } = {}) {
  const items = ((r.items ?? []) as ReturnItem[]).map((i) => ({ line_item_id: i.line_item_id, title: i.title, quantity: i.quantity, amount: Number(i.amount) }))
  const base = {
    id: r.id,
    status: r.status,
    order_id: r.order_id,
    order_display_id: extra.order_display_id ?? null,
    order_group_id: r.order_group_id ?? null,
    cooperative_id: r.cooperative_id,
    ...(extra.cooperative ? { cooperative: extra.cooperative } : {}),
    items,
    amount: items.reduce((a, i) => a + i.amount, 0),
    reason: r.reason,
    photos: r.photos ?? [],
    cooperative_note: r.cooperative_note ?? null,
    decided_at: r.decided_at ?? null,
    escalation_note: r.escalation_note ?? null,
    escalated_at: r.escalated_at ?? null,
    union_decision: r.union_decision ?? null,
    union_note: r.union_note ?? null,
    union_decided_at: r.union_decided_at ?? null,
    received_at: r.received_at ?? null,
    refund_amount: n(r.refund_amount),
    created_at: r.created_at,
    updated_at: r.updated_at,
  }
  if (audience === "customer") return base
  return {
    ...base,
    customer_id: r.customer_id,
    decided_by: r.decided_by ?? null,
    received_by: r.received_by ?? null,
    refund_id: r.refund_id ?? null,
    commission_reversed: n(r.commission_reversed),
    ...(audience === "union" ? { union_decided_by: r.union_decided_by ?? null } : {}),
  }
}

/** Order numbers and cooperatives of these returns, read once for a page. */
export async function returnContext(container: MedusaContainer, returns: Pick<ReturnRecord, "order_id" | "cooperative_id">[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(returns.map((r) => r.order_id))]
  const coopIds = [...new Set(returns.map((r) => r.cooperative_id))]
  const [{ data: orders }, { data: coops }] = await Promise.all([
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : Promise.resolve({ data: [] }),
    coopIds.length ? query.graph({ entity: "cooperative", fields: ["id", "name", "handle"], filters: { id: coopIds } }) : Promise.resolve({ data: [] }),
  ])
  const displayId = new Map((orders as { id: string; display_id: number }[]).map((o) => [o.id, o.display_id]))
  const coop = new Map((coops as { id: string; name: string; handle: string }[]).map((c) => [c.id, { id: c.id, name: c.name, handle: c.handle }]))
  return (r: Pick<ReturnRecord, "order_id" | "cooperative_id">) => ({ order_display_id: displayId.get(r.order_id) ?? null, cooperative: coop.get(r.cooperative_id) ?? null })
}
