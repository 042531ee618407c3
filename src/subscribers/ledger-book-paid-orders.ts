import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules, PaymentEvents } from "@medusajs/framework/utils"
import { collectorOf } from "../modules/order-group/rules/collector"
import { ORDER_GROUP_MODULE, type OrderGroupModuleService, sharesOf } from "../modules/order-group"
import { bookDeliveredOrderWorkflow } from "../workflows/ledger/book-delivered-order"
import { messageOf } from "../lib/errors"

/**
 * payment.captured (Medusa's capturePaymentWorkflow emits it with the payment's id: the union's
 * mark-paid, the bank's notification, a carrier's remittance): the purchase's delivered orders the
 * union collects, which waited for their money, are booked now. Orders not delivered, or still
 * unpaid (a remittance captures only its own share), book nothing; booking is idempotent.
 */
export default async function bookPaidOrders({ event, container }: SubscriberArgs<{ id: string }>) {
  const payments = await container.resolve(Modules.PAYMENT).listPayments({ id: event.data.id }, { select: ["id", "payment_collection_id"] })
  const collectionId = payments[0]?.payment_collection_id
  if (!collectionId) return
  const groups = await (container.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).listOrderGroups(
    { payment_collection_id: collectionId },
    { select: ["id", "shares"] }
  )
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const group of groups) {
    for (const share of sharesOf(group)) {
      if (collectorOf(share) !== "union") continue
      try {
        await bookDeliveredOrderWorkflow(container).run({ input: { order_id: share.order_id } })
      } catch (err) {
        // One order's booking must not keep the others of the purchase waiting; the next capture or a retry books it.
        logger.warn(`ledger: order ${share.order_id} not booked after capture of payment ${event.data.id}: ${messageOf(err)}`)
      }
    }
  }
}

export const config: SubscriberConfig = { event: PaymentEvents.CAPTURED, context: { subscriberId: "ledger-book-paid-orders" } }
