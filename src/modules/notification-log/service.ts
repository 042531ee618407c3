import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { redactSecrets, tokensMayBeLogged } from "../../lib/log-safety"

/**
 * The notification provider used when no mail service is configured: it writes each notification
 * to the log, as Medusa's notification-local does, except that outside development every field
 * that looks like a secret (token, password, …) is replaced by "[redacted]" first. So no subscriber
 * can leak an invite or reset token into production logs by forgetting to leave it out.
 */
export class LogNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "notification-log"
  protected logger_: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger_ = logger
    // Said once, when the notification module loads: nobody should discover from a shopper that no email went out.
    logger.warn("SMTP_URL is not set: emails are written to this log, not sent (docs/notifications.md).")
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No notification information provided")
    const data = tokensMayBeLogged() ? notification.data : redactSecrets(notification.data)
    this.logger_.info(
      `Notification to '${notification.to}' on channel '${notification.channel}' with template '${notification.template}' and data: ${JSON.stringify(data ?? {})}`
    )
    return {}
  }
}
