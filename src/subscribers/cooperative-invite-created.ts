import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { panelUrl } from "../notifications/config"
import { sendEmails } from "../notifications/send"

/**
 * Emails the invited person a link to the cooperative panel that accepts the invitation. The
 * database keeps only the token's hash, so the link (with the token) is rendered into the email
 * and neither stored in notification.data nor logged outside development (src/notifications/send.ts).
 * The owner also gets the token in the POST /vendor/invites answer, to pass on by phone or Zalo.
 */
export default async function sendCooperativeInvite({ event, container }: SubscriberArgs<{ id: string; token?: string }>) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [invite] = await service.listCooperativeInvites({ id: event.data.id }, { relations: ["cooperative"] })
  if (!invite) return
  const token = event.data.token
  const url = token ? panelUrl(`/accept-invite?${new URLSearchParams({ token, email: invite.email })}`) : null
  await sendEmails(
    container,
    [
      {
        to: invite.email,
        template: "cooperative-invite",
        data: { cooperative_name: invite.cooperative.name, role: invite.role, expires_at: invite.expires_at, url, token: token ?? null },
        locale: (invite.cooperative.metadata as Record<string, unknown> | null)?.locale as string | undefined,
        idempotency_key: `${event.name}:${invite.id}`,
        resource_id: invite.id,
        resource_type: "cooperative_invite",
      },
    ],
    { secret: ["url", "token"] }
  )
}

export const config: SubscriberConfig = { event: "cooperative.invite_created" }
