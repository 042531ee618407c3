import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"

/** Sends the invite token to the invited person (the local provider logs it). */
export default async function sendCooperativeInvite({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [invite] = await service.listCooperativeInvites({ id: event.data.id }, { relations: ["cooperative"] })
  if (!invite) return
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: invite.email,
    channel: "email",
    template: "cooperative-invite",
    resource_id: invite.id,
    resource_type: "cooperative_invite",
    data: { cooperative_name: invite.cooperative.name, role: invite.role, token: invite.token, expires_at: invite.expires_at },
  })
}

export const config: SubscriberConfig = { event: "cooperative.invite_created" }
