import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../notifications/notify-owners"

type PayoutEvent = { id: string; cooperative_id: string; period: string; amount: number; status?: string; reference?: string | null; reason?: string | null }

/** Tells the cooperative's owners that a payout was made for them, and when it was paid or failed. */
export default async function notifyCooperativeOfPayout({ event, container }: SubscriberArgs<PayoutEvent>) {
  const payout = event.data
  await notifyCooperativeOwners(container, payout.cooperative_id, {
    template: event.name.replace(".", "-"), // payout-created, payout-paid, payout-failed
    resource_id: payout.id,
    resource_type: "payout",
    data: { period: payout.period, amount: payout.amount, reference: payout.reference ?? null, reason: payout.reason ?? null },
    idempotency_key: `${event.name}:${payout.id}`,
  })
}

export const config: SubscriberConfig = { event: ["payout.created", "payout.paid", "payout.failed"] }
