import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { refundCanceledSharesWorkflow } from "../workflows/checkout/refund-canceled-shares"

/**
 * payment.captured (Medusa's capturePaymentWorkflow: our mark-paid, Stripe's webhook, an admin's
 * capture): the share of each order of that purchase canceled before the money arrived goes back.
 * Idempotent: mark-paid already did it in the same breath, and a repeated event refunds nothing.
 */
export default async function refundCanceledSharesAtCapture({ event, container }: SubscriberArgs<{ id: string }>) {
  await refundCanceledSharesWorkflow(container).run({ input: { payment_id: event.data.id, created_by: "payment-captured" } })
}

export const config: SubscriberConfig = { event: PaymentEvents.CAPTURED, context: { subscriberId: "refund-canceled-shares-at-capture" } }
