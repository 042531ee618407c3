import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { UNION_MANAGEMENT_CHANGED } from "../workflows/cooperative/set-union-management"

type ManagementChanged = { id: string; managed: boolean; actor_id: string; managed_since: string | null; at: string }

/** The owner is told whenever the union takes over running their stall, and when it hands it back. */
export default async function notifyOwnersOfUnionManagement({ event, container }: SubscriberArgs<ManagementChanged>) {
  await notifyCooperativeOwners(container, event.data.id, {
    template: "cooperative-union-management",
    resource_id: event.data.id,
    resource_type: "cooperative",
    data: { managed: event.data.managed },
    idempotency_key: `${event.name}:${event.data.id}:${event.data.managed ? "on" : "off"}:${event.data.managed_since ?? event.data.at}`,
  })
}

export const config: SubscriberConfig = { event: UNION_MANAGEMENT_CHANGED }
