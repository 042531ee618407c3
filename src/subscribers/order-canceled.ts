import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { panelUrl } from "../notifications/config"
import { orderForMessage, shopperLocale, shopperOrderUrl } from "../notifications/orders"
import { sendEmails } from "../notifications/send"

/**
 * order.canceled (Medusa's cancelOrderWorkflow, run by the cooperative's, the union's and the
 * failed-checkout cancellations): the shopper learns it and what is refunded (the refund
 * transactions booked on the order), and the cooperative's staff learn not to pack it.
 */
export default async function announceCancellation({ event, container }: SubscriberArgs<{ id: string }>) {
  const order = await orderForMessage(container, event.data.id)
  if (!order) return
  const refunded = (order.transactions ?? [])
    .filter((t) => t?.reference === "refund")
    .reduce((sum: number, t) => sum + Math.abs(Number(t.amount)), 0)
  const sends: Promise<unknown>[] = []
  if (order.email) {
    sends.push(
      sendEmails(container, [
        {
          to: order.email,
          template: "order-canceled",
          data: { cooperative_name: order.cooperative?.name ?? "", display_id: order.display_id, refund_amount: refunded || null, url: shopperOrderUrl(order.id) },
          locale: shopperLocale(order),
          idempotency_key: `${event.name}:${order.id}`,
          resource_id: order.id,
          resource_type: "order",
        },
      ])
    )
  }
  if (order.cooperative?.id) {
    sends.push(
      notifyCooperativeOwners(container, order.cooperative.id, {
        template: "cooperative-order-canceled",
        resource_id: order.id,
        resource_type: "order",
        everyone: true,
        idempotency_key: `${event.name}:${order.id}`,
        data: { display_id: order.display_id, url: panelUrl(`/orders/${order.id}`) },
      })
    )
  }
  const failed = (await Promise.allSettled(sends)).find((r): r is PromiseRejectedResult => r.status === "rejected")
  if (failed) throw failed.reason
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "order-canceled-email" } }
