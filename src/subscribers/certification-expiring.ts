import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { lastValidDay } from "../lib/dates"
import { notifyCooperativeOwners } from "../notifications/notify-owners"

type Expiring = { subject_type: "ocop_rating" | "certificate"; id: string; cooperative_id: string; product_ids: string[]; expires_at: string }

/** Reminds the cooperative, 30 days ahead, that a rating or certificate needs renewing. */
export default async function remindCooperativeOfExpiry({ event, container }: SubscriberArgs<Expiring>) {
  const item = event.data
  await notifyCooperativeOwners(container, item.cooperative_id, {
    template: `${item.subject_type}-expiring`,
    resource_id: item.id,
    resource_type: item.subject_type,
    data: { valid_until: lastValidDay(new Date(item.expires_at)), product_ids: item.product_ids },
    // One reminder per expiry date: a renewed item expiring later is reminded again.
    idempotency_key: `${event.name}:${item.id}:${item.expires_at}`,
  })
}

export const config: SubscriberConfig = { event: ["ocop_rating.expiring", "certificate.expiring"] }
