import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { COOPERATIVE_MODULE, CooperativeModuleService, type CooperativeStatus } from "../modules/cooperative"

type StatusChanged = { id: string; action: string; from: string; to: string; reason: string }

/** The audit row this change wrote: the newest to this status names it, so only a redelivery repeats a key. */
async function latestChangeId(container: SubscriberArgs<StatusChanged>["container"], change: StatusChanged) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [row] = await service.listCooperativeStatusChanges(
    { cooperative_id: change.id, to_status: change.to as CooperativeStatus },
    { select: ["id"], order: { created_at: "DESC" }, take: 1 }
  )
  return row?.id ?? `${change.id}:${change.from}-${change.to}`
}

/** Tells the cooperative's owners about every decision the union takes on their cooperative. */
export default async function notifyCooperativeOfStatusChange({ event, container }: SubscriberArgs<StatusChanged>) {
  await notifyCooperativeOwners(container, event.data.id, {
    template: "cooperative-status-changed",
    resource_id: event.data.id,
    resource_type: "cooperative",
    data: { action: event.data.action, from: event.data.from, to: event.data.to, reason: event.data.reason },
    idempotency_key: `${event.name}:${await latestChangeId(container, event.data)}`,
  })
}

export const config: SubscriberConfig = { event: "cooperative.status_changed" }
