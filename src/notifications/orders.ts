import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { paymentMethodOf } from "../modules/order-group/rules/collector"
import { storefrontUrl } from "./config"
import type { PaymentHow } from "./templates/purchase"

/**
 * The shopper's page for one order on the storefront (Medusa's Next.js starter: country, then
 * account/orders/details; the marketplace sells in Vietnam, hence "vn").
 */
export const shopperOrderUrl = (orderId: string) => `${storefrontUrl()}/vn/account/orders/details/${orderId}`

/** The shopper's language: the order's locale (Medusa keeps the cart's), else the customer's metadata.locale. */
export const shopperLocale = (order: { locale?: string | null; customer?: { metadata?: Record<string, unknown> | null } | null }) =>
  order.locale || ((order.customer?.metadata?.locale as string | undefined) ?? null)

/** One order with what the shopper's messages about it need. */
export async function orderForMessage(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "locale",
      "total",
      "customer.metadata",
      "cooperative.id",
      "cooperative.name",
      "fulfillments.id",
      "fulfillments.delivered_at",
      "fulfillments.metadata",
      "fulfillments.labels.tracking_number",
      "fulfillments.labels.tracking_url",
      "transactions.amount",
      "transactions.reference",
    ],
    filters: { id: orderId },
  })
  return (data[0] as any) ?? null
}

/** The order a fulfilment belongs to (Medusa's shipment and delivery events name only the fulfilment). */
export async function orderIdOfFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: fulfillmentId } })
  return (data[0] as any)?.order_id ?? null
}

/** How the shopper pays a purchase; for VietQR, the bank details of its payment session (the same the storefront showed). */
export async function paymentHow(container: MedusaContainer, group: { payment_provider_id: string | null; payment_collection_id: string | null }): Promise<PaymentHow> {
  const method = paymentMethodOf(group.payment_provider_id)
  if (method === "cod") return { kind: "cod" }
  if (method === "stripe") return { kind: "card" }
  if (method !== "vietqr" || !group.payment_collection_id) return { kind: "other" }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["payment_sessions.provider_id", "payment_sessions.data"],
    filters: { id: group.payment_collection_id },
  })
  const session = ((data[0] as any)?.payment_sessions ?? []).find((s: any) => s?.provider_id === group.payment_provider_id)
  const d = session?.data
  return {
    kind: "bank_transfer",
    bank: d?.account_number
      ? { bank_bin: d.bank_bin, account_number: d.account_number, account_name: d.account_name ?? null, amount: Number(d.amount), message: d.message }
      : null,
  }
}
