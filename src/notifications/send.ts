import type { FilterableNotificationProps, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { tokensMayBeLogged } from "../lib/log-safety"
import { phonesOf } from "./phones"
import { renderNotification } from "./templates"
import { ZNS_FORMS, znsEnabled, znsTemplateIds } from "./zns"

export type Email = {
  to: string
  template: string
  data: Record<string, unknown>
  /** The recipient's language if known ("vi", "en", "en-GB"...); Vietnamese otherwise. */
  locale?: string | null
  /**
   * Derived from the event and what it is about (and the recipient), so a redelivered event finds
   * the notification already sent and Medusa's notification module sends nothing twice.
   */
  idempotency_key: string
  resource_id?: string
  resource_type?: string
  receiver_id?: string | null
  trigger_type?: string
}

/** A short, stable digest for idempotency keys built from something that must not be stored as is (a token). */
export const digestOf = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32)

/**
 * Sends each message by Zalo ZNS when it can (znsRoutes) and by email otherwise, or when the ZNS
 * send failed: the same message, in full, by email. Both channels go through Medusa's notification
 * module with idempotency keys (`<key>:zns` for ZNS, `<key>` for email), so a redelivered event
 * sends nothing twice on either, and a message that once fell back to email stays on email.
 */
export async function sendEmails(container: MedusaContainer, emails: Email[], { secret = [] }: { secret?: string[] } = {}) {
  if (!emails.length) return []
  // Messages holding a secret (reset and invitation links) go by email only.
  const routes = secret.length ? new Map<Email, ZnsRoute>() : await znsRoutes(container, emails)
  const sentByZns = new Set<Email>()
  await Promise.all([...routes].map(async ([email, route]) => (await sendByZns(container, email, route)) && sentByZns.add(email)))
  return createEmailNotifications(container, emails.filter((e) => !sentByZns.has(e)), secret)
}

type ZnsRoute = { phone: string; params: Record<string, string | number> }

/**
 * The messages that go by ZNS: ZNS is on, the message has a ZNS form and an approved template
 * (ZNS_TEMPLATES), and its recipient gave a Vietnamese mobile number. Everything else is email.
 */
async function znsRoutes(container: MedusaContainer, emails: Email[]): Promise<Map<Email, ZnsRoute>> {
  const routes = new Map<Email, ZnsRoute>()
  if (!znsEnabled()) return routes
  let templates: Record<string, string>
  try {
    templates = znsTemplateIds()
  } catch {
    return routes // checked at start (medusa-config.ts); a value changed since then means email
  }
  const candidates = emails
    .filter((e) => ZNS_FORMS[e.template] && templates[e.template])
    .map((e) => ({ email: e, recipient: { to: e.to, audience: ZNS_FORMS[e.template].audience, resource_type: e.resource_type, resource_id: e.resource_id } }))
  if (!candidates.length) return routes
  const phones = await phonesOf(container, candidates.map((c) => c.recipient))
  for (const { email, recipient } of candidates) {
    const phone = phones.get(recipient)
    if (phone) routes.set(email, { phone, params: ZNS_FORMS[email.template].params({ ...email.data, locale: email.locale ?? null }) })
  }
  return routes
}

/** Medusa's filter type leaves out the idempotency key, which its model has (and its own dedup reads). */
const byKey = (key: string) => ({ idempotency_key: key }) as unknown as FilterableNotificationProps

/** True when the message went (or had gone) by ZNS; false sends it by email. */
async function sendByZns(container: MedusaContainer, e: Email, route: ZnsRoute): Promise<boolean> {
  const notifications = container.resolve(Modules.NOTIFICATION)
  // An earlier delivery of the event fell back to email: the message stays there (never both).
  const [emailed] = await notifications.listNotifications(byKey(e.idempotency_key), { select: ["id"], take: 1 })
  if (emailed) return false
  try {
    await notifications.createNotifications({
      to: route.phone,
      channel: "zns",
      template: e.template,
      data: route.params,
      // Zalo's tracking_id (at most 48 characters) ties its delivery reports to this message.
      provider_data: { tracking_id: digestOf(`${e.idempotency_key}:zns`) },
      idempotency_key: `${e.idempotency_key}:zns`,
      trigger_type: e.trigger_type,
      resource_id: e.resource_id,
      resource_type: e.resource_type,
      receiver_id: e.receiver_id ?? undefined,
    })
    return true
  } catch (err) {
    // Falls back only when this send failed: a row still pending (or sent) is another delivery of the
    // same event sending it at this moment (its insert won), and no row means nothing was tried.
    const [tried] = await notifications.listNotifications(byKey(`${e.idempotency_key}:zns`), { select: ["id", "status"], take: 1 })
    if (tried && tried.status !== "failure") return true
    if (!tried) throw err
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(`ZNS message "${e.template}" (${e.resource_type ?? "?"} ${e.resource_id ?? ""}) was not sent, so it goes by email: ${String((err as Error)?.message ?? err).split("\n").pop()}`)
    return false
  }
}

/**
 * Email through Medusa's notification module (whichever provider serves the email channel).
 * `secret` names data fields that must be neither stored (notification.data) nor logged: the email
 * is rendered here with them, and the stored data keeps them only in development, where the log
 * provider printing a reset link is how a developer resets a password locally.
 */
async function createEmailNotifications(container: MedusaContainer, emails: Email[], secret: string[]) {
  if (!emails.length) return []
  const keepSecrets = tokensMayBeLogged()
  return container.resolve(Modules.NOTIFICATION).createNotifications(
    emails.map((e) => {
      const data = { ...e.data, locale: e.locale ?? null }
      const stored = secret.length && !keepSecrets ? Object.fromEntries(Object.entries(data).filter(([k]) => !secret.includes(k))) : data
      return {
        to: e.to,
        channel: "email",
        template: e.template,
        data: stored,
        // Rendered content travels to the provider without being stored; only secret-bearing messages need it.
        ...(secret.length ? { content: renderNotification(e.template, data) } : {}),
        idempotency_key: e.idempotency_key,
        trigger_type: e.trigger_type,
        resource_id: e.resource_id,
        resource_type: e.resource_type,
        receiver_id: e.receiver_id ?? undefined,
      }
    })
  )
}
