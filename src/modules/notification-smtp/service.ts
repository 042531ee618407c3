import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { renderNotification, UnknownTemplateError } from "../../notifications/templates"

export type SmtpOptions = {
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465 (nodemailer's connection URL; add ?pool=true to keep connections). */
  url: string
  /** The sender, e.g. "Liên minh HTX <no-reply@lienminhhtx.vn>". */
  from: string
}

/**
 * Email through any SMTP server (nodemailer). A notification carries either its rendered `content`
 * (messages holding a secret link, which must not be stored in notification.data) or a template
 * name and data, rendered here from src/notifications/templates in the recipient's language.
 */
export class SmtpNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "notification-smtp"
  protected transport_: Transporter
  protected from_: string
  protected logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.url || typeof options.url !== "string") throw new MedusaError(MedusaError.Types.INVALID_DATA, "The SMTP notification provider needs a url (SMTP_URL).")
    if (!options.from || typeof options.from !== "string") throw new MedusaError(MedusaError.Types.INVALID_DATA, "The SMTP notification provider needs a from address (SMTP_FROM).")
  }

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.logger_ = logger
    this.from_ = options.from
    this.transport_ = nodemailer.createTransport(options.url)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A notification needs a recipient")
    const given = notification.content
    let email: { subject: string; text: string; html: string }
    if (given?.subject && (given.text || given.html)) {
      email = { subject: given.subject, text: given.text ?? "", html: given.html ?? "" }
    } else {
      try {
        email = renderNotification(notification.template, (notification.data ?? {}) as Record<string, unknown>)
      } catch (err) {
        if (err instanceof UnknownTemplateError) throw new MedusaError(MedusaError.Types.INVALID_DATA, err.message)
        throw err
      }
    }
    const info = await this.transport_.sendMail({
      from: notification.from || this.from_,
      to: notification.to,
      subject: email.subject,
      text: email.text,
      ...(email.html ? { html: email.html } : {}),
    })
    // Only the template and the server's id: the body may hold a reset or invitation link.
    this.logger_.debug?.(`email "${notification.template}" accepted by the SMTP server as ${info.messageId}`)
    return { id: info.messageId }
  }
}
