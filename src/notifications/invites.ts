import type { MedusaContainer } from "@medusajs/framework/types"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { panelUrl } from "./config"
import { sendEmails } from "./send"

/**
 * Emails the invited person a link to the cooperative panel that accepts the invitation. The
 * database keeps only the token's hash, so the link (with the token) is rendered into the email
 * and neither stored in notification.data nor logged outside development (see send.ts). Called by
 * the invite workflow, which alone holds the token: events never carry it outside development.
 */
export async function emailCooperativeInvite(container: MedusaContainer, inviteId: string, token: string | null) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [invite] = await service.listCooperativeInvites({ id: inviteId }, { relations: ["cooperative"] })
  if (!invite) return
  const url = token ? panelUrl(`/accept-invite?${new URLSearchParams({ token, email: invite.email })}`) : null
  await sendEmails(
    container,
    [
      {
        to: invite.email,
        template: "cooperative-invite",
        data: { cooperative_name: invite.cooperative.name, role: invite.role, expires_at: invite.expires_at, url, token },
        locale: (invite.cooperative.metadata as Record<string, unknown> | null)?.locale as string | undefined,
        idempotency_key: `cooperative.invite_created:${invite.id}`,
        resource_id: invite.id,
        resource_type: "cooperative_invite",
      },
    ],
    { secret: ["url", "token"] }
  )
}
