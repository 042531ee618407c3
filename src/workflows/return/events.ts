// What each status change of a return emits (docs/returns.md lists the payload); notifications subscribe to these.
export const RETURN_EVENTS = {
  requested: "coopstall.return.requested",
  accepted: "coopstall.return.accepted",
  refused: "coopstall.return.refused",
  escalated: "coopstall.return.escalated",
  decided: "coopstall.return.decided",
  received: "coopstall.return.received",
  refunded: "coopstall.return.refunded",
} as const

export type ReturnEventData = {
  id: string
  order_id: string
  order_group_id: string | null
  cooperative_id: string
  customer_id: string
  status: string
  actor: "customer" | "cooperative" | "union"
  actor_id: string
  /** Whole đồng: the items' share of the payment (requested), what was refunded (refunded). */
  amount: number
  note?: string | null
  decision?: "accept" | "refuse"
}

/** What the event reads of a return row. */
type ReturnRow = { id: string; order_id: string; order_group_id?: string | null; cooperative_id: string; customer_id: string; status: string; items?: unknown }

export function returnEventData(r: ReturnRow, extra: { actor: ReturnEventData["actor"]; actor_id: string; note?: string | null; decision?: "accept" | "refuse"; amount?: number }): ReturnEventData {
  return {
    id: r.id,
    order_id: r.order_id,
    order_group_id: r.order_group_id ?? null,
    cooperative_id: r.cooperative_id,
    customer_id: r.customer_id,
    status: r.status,
    actor: extra.actor,
    actor_id: extra.actor_id,
    amount: extra.amount ?? ((r.items ?? []) as { amount: number }[]).reduce((a, i) => a + Number(i.amount), 0),
    ...(extra.note !== undefined ? { note: extra.note } : {}),
    ...(extra.decision ? { decision: extra.decision } : {}),
  }
}
