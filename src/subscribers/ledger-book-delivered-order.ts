import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bookDeliveredOrderWorkflow } from "../workflows/ledger/book-delivered-order"

/**
 * Medusa's markOrderFulfillmentAsDeliveredWorkflow (our vendor "deliver" route and the admin's
 * "mark as delivered") emits delivery.created with the fulfilment's id. When that delivery
 * completes its order, the sale is booked; the ledger's unique source makes a repeated event harmless.
 */
export default async function bookDeliveredOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: event.data.id } })
  const orderId = data[0]?.order_id
  if (!orderId) return
  await bookDeliveredOrderWorkflow(container).run({ input: { order_id: orderId } })
}

export const config: SubscriberConfig = { event: "delivery.created", context: { subscriberId: "ledger-book-delivered-order" } }
