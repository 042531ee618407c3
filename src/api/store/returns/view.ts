import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ReturnItem } from "../../../modules/cooperative-return"

export type ReturnAudience = "customer" | "cooperative" | "union"

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/**
 * A return as each side reads it. The shopper sees the decisions and their reasons, not who among
 * the staff or the union made them, nor the ledger's side (the commission given back).
 */
export function returnView(r: any, audience: ReturnAudience, extra: { order_display_id?: number | null; cooperative?: { id: string; name: string; handle: string } | null } = {}) {
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
export async function returnContext(container: MedusaContainer, returns: any[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(returns.map((r) => r.order_id))]
  const coopIds = [...new Set(returns.map((r) => r.cooperative_id))]
  const [{ data: orders }, { data: coops }] = await Promise.all([
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : Promise.resolve({ data: [] as any[] }),
    coopIds.length ? query.graph({ entity: "cooperative", fields: ["id", "name", "handle"], filters: { id: coopIds } }) : Promise.resolve({ data: [] as any[] }),
  ])
  const displayId = new Map(orders.map((o: any) => [o.id, o.display_id as number]))
  const coop = new Map(coops.map((c: any) => [c.id, { id: c.id as string, name: c.name as string, handle: c.handle as string }]))
  return (r: any) => ({ order_display_id: displayId.get(r.order_id) ?? null, cooperative: coop.get(r.cooperative_id) ?? null })
}
