import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"

/** Sends one notification per owner of the cooperative through Medusa's notification module. */
export async function notifyCooperativeOwners(
  container: MedusaContainer,
  cooperativeId: string,
  message: { template: string; resource_id: string; resource_type: string; data: Record<string, unknown> }
) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: cooperativeId }, { relations: ["users"] })
  const owners = cooperative?.users.filter((u) => u.role === "owner") ?? []
  if (!owners.length) return
  await container.resolve(Modules.NOTIFICATION).createNotifications(
    owners.map((owner) => ({
      to: owner.email,
      channel: "email",
      ...message,
      data: { cooperative_name: cooperative!.name, ...message.data },
    }))
  )
}
