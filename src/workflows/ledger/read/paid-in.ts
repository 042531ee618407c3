import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { LEDGER_MODULE, type LedgerModuleService } from "../../../modules/ledger"
import type { Collector, PaymentMethod, PaymentShare } from "../../../modules/order-group"
import { collectorOf, methodOf } from "../../../modules/order-group/rules/collector"
import { DAY_MS } from "../../../modules/ledger/rules/config"

// When the money of a delivered order reached whoever collects it (docs/money/cash-on-delivery.md).

export type OrderPurchase = {
  id: string
  total: number
  payment_collection_id: string | null
  payment_provider_id: string | null
  shares: PaymentShare[]
  share: PaymentShare | null
  method: PaymentMethod
  collector: Collector
}

/** The order_group and payment fields read below, as query.graph returns them. */
type OrderGroupRow = {
  id: string
  total: BigNumberInput
  payment_collection_id?: string | null
  payment_provider_id?: string | null
  shares?: unknown
}
type CaptureRow = { amount: BigNumberInput; created_at: Date | string }
type PaymentRow = { captured_at?: Date | string | null; captures?: CaptureRow[] | null }

/** The purchase of one order with that order's share, method and collector. */
export async function orderPurchase(container: MedusaContainer, orderId: string): Promise<OrderPurchase | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "order_group.id", "order_group.total", "order_group.payment_collection_id", "order_group.payment_provider_id", "order_group.shares"],
    filters: { id: orderId },
  })
  const group = (data[0] as { order_group?: OrderGroupRow | null } | undefined)?.order_group
  if (!group) return null
  const shares: PaymentShare[] = Array.isArray(group.shares) ? (group.shares as PaymentShare[]) : []
  const share = shares.find((s) => s.order_id === orderId) ?? null
  return {
    id: group.id,
    total: Number(group.total),
    payment_collection_id: group.payment_collection_id ?? null,
    payment_provider_id: group.payment_provider_id ?? null,
    shares,
    share,
    method: methodOf(share, group.payment_provider_id),
    collector: collectorOf(share),
  }
}

/**
 * When a prepaid purchase (VietQR, Stripe, another provider) was paid in full: its payment's
 * captured_at, or the last capture once the captures reach the purchase's total; null while not.
 */
export async function purchaseCapturedAt(container: MedusaContainer, paymentCollectionId: string | null, total: number): Promise<Date | null> {
  if (!paymentCollectionId) return null
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_collection",
    fields: ["payments.id", "payments.captured_at", "payments.canceled_at", "payments.captures.amount", "payments.captures.created_at"],
    filters: { id: paymentCollectionId },
  })
  for (const p of (data[0] as { payments?: PaymentRow[] | null } | undefined)?.payments ?? []) {
    if (p.captured_at) return new Date(p.captured_at)
    const captures = p.captures ?? []
    if (!captures.length) continue
    const sum = Number(captures.reduce((a: BigNumberInput, c) => MathBN.add(a, c.amount), 0))
    if (sum >= total) return new Date(Math.max(...captures.map((c) => new Date(c.created_at).getTime())))
  }
  return null
}

/** When the union received an order's money, or null while it has not: the remittance for union COD, the capture otherwise. */
export async function unionPaidInAt(container: MedusaContainer, orderId: string, purchase: OrderPurchase): Promise<Date | null> {
  if (purchase.method === "cod") {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const [remittance] = await ledger.listCodRemittances({ order_id: orderId }, { select: ["id", "remitted_at"], take: 1 })
    return remittance ? new Date(remittance.remitted_at) : null
  }
  return purchaseCapturedAt(container, purchase.payment_collection_id, purchase.total)
}

export type Availability = { available_at: Date } | { awaiting_payment: true }

/**
 * When a delivered order's lines become payable. The cooperative collected the cash itself: at
 * delivery (it holds the money and owes the commission now, no hold protects anyone). The union
 * collects: after the hold, and never before the money is in; not paid in yet: nothing is booked.
 */
export function deliveredOrderAvailability(input: { collector: Collector; delivered_at: Date; hold_days: number; paid_in_at: Date | null }): Availability {
  if (input.collector === "cooperative") return { available_at: input.delivered_at }
  if (!input.paid_in_at) return { awaiting_payment: true }
  const afterHold = input.delivered_at.getTime() + input.hold_days * DAY_MS
  return { available_at: new Date(Math.max(afterHold, input.paid_in_at.getTime())) }
}
