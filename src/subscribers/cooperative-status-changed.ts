import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"

type StatusChanged = { id: string; action: string; from: string; to: string; reason: string }

/** Tells the cooperative's owners about every decision the union takes on their cooperative. */
export default async function notifyCooperativeOfStatusChange({ event, container }: SubscriberArgs<StatusChanged>) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: event.data.id }, { relations: ["users"] })
  if (!cooperative) return
  const owners = cooperative.users.filter((u) => u.role === "owner")
  if (!owners.length) return
  await container.resolve(Modules.NOTIFICATION).createNotifications(
    owners.map((owner) => ({
      to: owner.email,
      channel: "email",
      template: "cooperative-status-changed",
      resource_id: cooperative.id,
      resource_type: "cooperative",
      data: {
        cooperative_name: cooperative.name,
        action: event.data.action,
        from: event.data.from,
        to: event.data.to,
        reason: event.data.reason,
      },
    }))
  )
}

export const config: SubscriberConfig = { event: "cooperative.status_changed" }
