import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../modules/cooperative"
import { adminUrl, panelUrl, storefrontUrl } from "../notifications/config"
import { digestOf, sendEmails } from "../notifications/send"

type PasswordReset = { entity_id: string; actor_type: string; token: string }
type Actor = "customer" | "vendor" | "user"

/** Where each kind of account sets its new password: the storefront, the cooperative panel, Medusa Admin. */
const resetLink: Record<Actor, (token: string, email: string) => string> = {
  customer: (token, email) => `${storefrontUrl()}/reset-password?${new URLSearchParams({ token, email })}`,
  vendor: (token, email) => panelUrl(`/reset-password?${new URLSearchParams({ token, email })}`),
  user: (token) => adminUrl(`/reset-password?${new URLSearchParams({ token })}`),
}

/** The account's preferred language, where its record keeps one (metadata.locale). */
async function localeOf(container: MedusaContainer, actor: Actor, email: string): Promise<string | undefined> {
  const pick = (m: unknown) => (m as Record<string, unknown> | null | undefined)?.locale as string | undefined
  if (actor === "customer") {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: true }, { select: ["metadata"] })
    return pick(customer?.metadata)
  }
  if (actor === "user") {
    const [user] = await container.resolve(Modules.USER).listUsers({ email }, { select: ["metadata"] })
    return pick(user?.metadata)
  }
  const [member] = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperativeUsers({ email }, { relations: ["cooperative"] })
  return pick(member?.cooperative?.metadata)
}

/**
 * Medusa's POST /auth/{customer,vendor,user}/emailpass/reset-password emits auth.password_reset
 * for any email with a password identity, whatever the actor type asked for; the answer is the same
 * 201 whether or not it exists. The email goes out only when that identity really is an account of
 * the asked type (a shopper's email typed into the admin's form gets nothing), and the link with
 * its token is rendered into the email only: not stored, not logged outside development.
 */
export default async function sendPasswordReset({ event, container }: SubscriberArgs<PasswordReset>) {
  const { entity_id: email, actor_type, token } = event.data
  if (!email || !token || !(actor_type in resetLink)) return
  const actor = actor_type as Actor
  const identities = await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: email, provider: "emailpass" }, { relations: ["auth_identity"] })
  const accountId = (identities[0]?.auth_identity?.app_metadata as Record<string, unknown> | undefined)?.[`${actor}_id`] as string | undefined
  if (!accountId) return
  await sendEmails(
    container,
    [
      {
        to: email,
        template: "auth-password-reset",
        data: { actor_type: actor, email, url: resetLink[actor](token, email) },
        locale: await localeOf(container, actor, email),
        // Each request has its own token: a redelivered event sends nothing again, a new request does.
        idempotency_key: `${event.name}:${digestOf(token)}`,
        resource_id: accountId,
        resource_type: actor,
        receiver_id: accountId,
      },
    ],
    { secret: ["url"] }
  )
}

export const config: SubscriberConfig = { event: "auth.password_reset", context: { subscriberId: "password-reset-email" } }
