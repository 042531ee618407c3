import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { tokensMayBeLogged } from "../lib/log-safety"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"

/**
 * Tells the invited person which cooperative invited them. The database keeps only the token's hash,
 * and notifications are both stored (notification.data) and, with the local provider, logged; so
 * the token is in the notification only in development, where the printed token is how a developer
 * accepts invites. Elsewhere the owner passes on the token from the POST /vendor/invites answer.
 */
export default async function sendCooperativeInvite({ event, container }: SubscriberArgs<{ id: string; token?: string }>) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [invite] = await service.listCooperativeInvites({ id: event.data.id }, { relations: ["cooperative"] })
  if (!invite) return
  const token = tokensMayBeLogged() && event.data.token ? { token: event.data.token } : {}
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: invite.email,
    channel: "email",
    template: "cooperative-invite",
    resource_id: invite.id,
    resource_type: "cooperative_invite",
    data: { cooperative_name: invite.cooperative.name, role: invite.role, expires_at: invite.expires_at, ...token },
  })
}

export const config: SubscriberConfig = { event: "cooperative.invite_created" }
