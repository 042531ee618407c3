import type { MedusaContainer } from "@medusajs/framework/types"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { sendEmails } from "./send"

/**
 * Emails a cooperative's owners (or, with `everyone`, all its staff: an order to pack concerns
 * whoever packs) through Medusa's notification module. `idempotency_key` names the event and what
 * it is about; each recipient's key adds their email, so a redelivered event sends nothing twice.
 * The language is the cooperative's (metadata.locale), Vietnamese by default.
 */
export async function notifyCooperativeOwners(
  container: MedusaContainer,
  cooperativeId: string,
  message: { template: string; resource_id: string; resource_type: string; data: Record<string, unknown>; idempotency_key: string; everyone?: boolean }
) {
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: cooperativeId }, { relations: ["users"] })
  const recipients = cooperative?.users.filter((u) => message.everyone || u.role === "owner") ?? []
  if (!recipients.length) return
  const locale = (cooperative!.metadata as Record<string, unknown> | null)?.locale as string | undefined
  await sendEmails(
    container,
    recipients.map((user) => ({
      to: user.email,
      template: message.template,
      data: { cooperative_name: cooperative!.name, ...message.data },
      locale,
      idempotency_key: `${message.idempotency_key}:${user.email}`,
      resource_id: message.resource_id,
      resource_type: message.resource_type,
      receiver_id: user.id,
    }))
  )
}
