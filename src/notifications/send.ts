import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { tokensMayBeLogged } from "../lib/log-safety"
import { renderNotification } from "./templates"

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
 * Sends emails through Medusa's notification module (whichever provider serves the email channel).
 * `secret` names data fields that must be neither stored (notification.data) nor logged: the email
 * is rendered here with them, and the stored data keeps them only in development, where the log
 * provider printing a reset link is how a developer resets a password locally.
 */
export async function sendEmails(container: MedusaContainer, emails: Email[], { secret = [] }: { secret?: string[] } = {}) {
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
