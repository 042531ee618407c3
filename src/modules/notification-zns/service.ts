import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"

export type ZnsOptions = {
  /** The Official Account's access token (ZNS_ACCESS_TOKEN): sent as a header, never logged. */
  access_token: string
  /** Zalo's template endpoint (ZNS_API_URL); tests point it at a server of their own. */
  api_url?: string
  /** Our message name → the union's approved Zalo template id (ZNS_TEMPLATES). */
  templates: Record<string, string>
  /** Milliseconds before a send is given up (and the message goes by email). */
  timeout_ms?: number
}

/** Zalo's answer: `error` 0 and `data.msg_id` when sent, else a non-zero `error` and its `message`. */
type ZaloAnswer = { error?: unknown; message?: unknown; data?: { msg_id?: unknown } | null }

export const ZALO_TEMPLATE_API = "https://business.openapi.zalo.me/message/template"

/**
 * Zalo Notification Service (ZNS): a template message to a phone number's Zalo account, through the
 * Official Account of the union. The notification carries the phone (84xxxxxxxxx) in `to`, our
 * message name in `template` and the template's parameters in `data` (src/notifications/zns.ts
 * prepares them). Any failure (no template for that message, HTTP error, Zalo's non-zero `error`)
 * throws, so Medusa records the notification as failed and the sender writes the same message by
 * email instead (src/notifications/send.ts).
 */
export class ZnsNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "notification-zns"
  protected options_: ZnsOptions
  protected logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.access_token || typeof options.access_token !== "string") throw new MedusaError(MedusaError.Types.INVALID_DATA, "The ZNS notification provider needs an access token (ZNS_ACCESS_TOKEN).")
    if (!options.templates || typeof options.templates !== "object") throw new MedusaError(MedusaError.Types.INVALID_DATA, "The ZNS notification provider needs its template ids (ZNS_TEMPLATES).")
  }

  constructor({ logger }: { logger: Logger }, options: ZnsOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    const messages = Object.keys(options.templates ?? {})
    logger.info(`Zalo ZNS is on for ${messages.length ? messages.join(", ") : "no message (ZNS_TEMPLATES is empty)"}; other messages go by email.`)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const templateId = this.options_.templates[notification.template]
    if (!templateId) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No ZNS template for the message "${notification.template}" (ZNS_TEMPLATES)`)
    if (!/^84\d{9}$/.test(notification.to ?? "")) throw new MedusaError(MedusaError.Types.INVALID_DATA, "ZNS needs a Vietnamese mobile number written 84xxxxxxxxx")
    const trackingId = (notification.provider_data?.tracking_id as string | undefined) ?? undefined
    let res: Response
    try {
      res = await fetch(this.options_.api_url || ZALO_TEMPLATE_API, {
        method: "POST",
        headers: { "content-type": "application/json", access_token: this.options_.access_token },
        body: JSON.stringify({ phone: notification.to, template_id: templateId, template_data: notification.data ?? {}, ...(trackingId ? { tracking_id: trackingId } : {}) }),
        signal: AbortSignal.timeout(this.options_.timeout_ms ?? 10_000),
      })
    } catch (err) {
      // A network error names the host at most; the token travels in a header and is not in it.
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `ZNS unreachable: ${(err as Error).message}`)
    }
    const body = (await res.json().catch(() => null)) as ZaloAnswer | null
    if (!res.ok || !body || body.error !== 0) {
      const why = body && typeof body.error === "number" ? `Zalo error ${body.error}: ${String(body.message ?? "").slice(0, 200)}` : `HTTP ${res.status}`
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `ZNS "${notification.template}" not sent (${why})`)
    }
    const msgId = body.data?.msg_id ? String(body.data.msg_id) : undefined
    // Only the message name and Zalo's id: neither the phone's owner's data nor the token.
    this.logger_.debug?.(`ZNS "${notification.template}" accepted by Zalo as ${msgId}`)
    return { id: msgId }
  }
}
