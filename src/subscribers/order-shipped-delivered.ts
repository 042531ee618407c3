import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderForMessage, orderIdOfFulfillment, shopperLocale, shopperOrderUrl } from "../notifications/orders"
import { sendEmails } from "../notifications/send"

/**
 * Medusa's shipment and delivery workflows (our vendor ship/deliver routes, the admin's) emit
 * shipment.created and delivery.created with the fulfilment's id: the shopper hears about that
 * cooperative's parcel, once per fulfilment and event.
 */
export default async function tellShopperAboutParcel({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  const orderId = await orderIdOfFulfillment(container, event.data.id)
  const order = orderId ? await orderForMessage(container, orderId) : null
  if (!order?.email) return
  const fulfillment = (order.fulfillments ?? []).find((f) => f?.id === event.data.id)
  const label = fulfillment?.labels?.[0]
  const shipped = event.name === "shipment.created"
  await sendEmails(container, [
    {
      to: order.email,
      template: shipped ? "order-shipped" : "order-delivered",
      data: {
        cooperative_name: order.cooperative?.name ?? "",
        display_id: order.display_id,
        url: shopperOrderUrl(order.id),
        ...(shipped
          ? { carrier: fulfillment?.metadata?.carrier ?? null, tracking_number: label?.tracking_number || null, tracking_url: label?.tracking_url || null }
          : { delivered_at: fulfillment?.delivered_at ?? new Date() }),
      },
      locale: shopperLocale(order),
      idempotency_key: `${event.name}:${event.data.id}`,
      resource_id: order.id,
      resource_type: "order",
    },
  ])
}

export const config: SubscriberConfig = { event: ["shipment.created", "delivery.created"], context: { subscriberId: "parcel-email" } }
