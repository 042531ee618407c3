import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../lib/notify-owners"

type StatusChanged = { id: string; action: string; from: string; to: string; reason: string }

/** Tells the cooperative's owners about every decision the union takes on their cooperative. */
export default async function notifyCooperativeOfStatusChange({ event, container }: SubscriberArgs<StatusChanged>) {
  await notifyCooperativeOwners(container, event.data.id, {
    template: "cooperative-status-changed",
    resource_id: event.data.id,
    resource_type: "cooperative",
    data: { action: event.data.action, from: event.data.from, to: event.data.to, reason: event.data.reason },
  })
}

export const config: SubscriberConfig = { event: "cooperative.status_changed" }
