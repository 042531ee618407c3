import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bookPaymentRefundsWorkflow } from "../workflows/ledger/book-payment-refunds"

/**
 * payment.refunded (Medusa's refundPaymentWorkflow and our order refunds emit it with the payment's
 * id): every refund of that payment charged to a delivered order is booked, once per refund.
 */
export default async function bookPaymentRefunds({ event, container }: SubscriberArgs<{ id: string }>) {
  const { result } = await bookPaymentRefundsWorkflow(container).run({ input: { payment_id: event.data.id } })
  if (result.unattributed.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(
      `ledger: refund(s) ${result.unattributed.join(", ")} of payment ${event.data.id} name no cooperative order and were not booked; ` +
        `refund through POST /admin/orders/:id/refunds, or book an adjustment`
    )
  }
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "ledger-book-refunds" } }
