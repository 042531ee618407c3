import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderGroupView } from "../api/store/order-groups/view"
import { notifyCooperativeOwners } from "../notifications/notify-owners"
import { panelUrl } from "../notifications/config"
import { paymentHow, shopperLocale, shopperOrderUrl } from "../notifications/orders"
import { sendEmails } from "../notifications/send"

type Line = { product_title?: string | null; variant_title?: string | null; quantity: unknown; total: unknown }
const lines = (items: Line[]) => items.map((i) => ({ title: i.variant_title ? `${i.product_title} (${i.variant_title})` : i.product_title, quantity: i.quantity, total: i.total }))

/**
 * A purchase was placed (order_group.placed, once per completed cart): the shopper gets every
 * cooperative's part, the total and how to pay; each cooperative's staff get their order to pack.
 * Each message has its own idempotency key, and one failing does not hold back the others.
 */
export default async function announcePurchase({ event, container }: SubscriberArgs<{ id: string }>) {
  const purchase = await orderGroupView(container, event.data.id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: groups }, { data: firstOrders }] = await Promise.all([
    query.graph({ entity: "order_group", fields: ["payment_provider_id", "payment_collection_id"], filters: { id: purchase.id } }),
    query.graph({ entity: "order", fields: ["locale", "customer.metadata"], filters: { id: purchase.orders[0]?.id ?? "" } }),
  ])
  const group = groups[0]
  const firstOrder = firstOrders[0] ?? {}
  const cod = !group?.payment_provider_id || group.payment_provider_id === "pp_system_default"

  const sends: Promise<unknown>[] = []
  if (purchase.email) {
    sends.push(
      (async () =>
        sendEmails(container, [
          {
            to: purchase.email,
            template: "purchase-placed",
            data: {
              placed_at: purchase.created_at,
              total: purchase.total,
              payment: await paymentHow(container, group),
              url: shopperOrderUrl(purchase.orders[0].id),
              orders: purchase.orders.map((o) => ({
                cooperative_name: o.cooperative?.name ?? "",
                display_id: o.display_id,
                items: lines(o.items),
                shipping_total: o.shipping_total,
                total: o.total,
              })),
            },
            locale: shopperLocale(firstOrder),
            idempotency_key: `${event.name}:${purchase.id}`,
            resource_id: purchase.id,
            resource_type: "order_group",
          },
        ]))()
    )
  }
  for (const order of purchase.orders) {
    if (!order.cooperative) continue
    const address: { city?: string | null; province?: string | null } = order.shipping_address ?? {}
    sends.push(
      notifyCooperativeOwners(container, order.cooperative.id, {
        template: "order-to-pack",
        resource_id: order.id,
        resource_type: "order",
        everyone: true,
        idempotency_key: `${event.name}:${order.id}:to-pack`,
        data: {
          display_id: order.display_id,
          placed_at: order.created_at,
          items: lines(order.items),
          total: order.total,
          cash_on_delivery: cod,
          ship_to: [address.city, address.province].filter(Boolean).join(", "),
          url: panelUrl(`/orders/${order.id}`),
        },
      })
    )
  }
  const failed = (await Promise.allSettled(sends)).find((r): r is PromiseRejectedResult => r.status === "rejected")
  if (failed) throw failed.reason
}

export const config: SubscriberConfig = { event: "order_group.placed", context: { subscriberId: "purchase-placed-email" } }
