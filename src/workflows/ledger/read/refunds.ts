import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { conflict, CoopstallError } from "../../../lib/errors"
import { LEDGER_MODULE, type LedgerEntryInput, type LedgerModuleService } from "../../../modules/ledger"
import type { Collector, PaymentMethod, PaymentShare } from "../../../modules/order-group"
import { orderPurchase } from "./paid-in"

/** A refund of a purchase's one payment, with the cooperative order it gives money back for. */
export type AttributedRefund = { refund_id: string; order_id: string | null; amount: number; created_at: Date }

/** The payment fields read below, as query.graph returns them. */
type RefundRow = { id: string; amount: BigNumberInput; metadata?: Record<string, unknown> | null; created_at: Date | string }
type PaymentRow = { id: string; currency_code: string; captures?: { amount: BigNumberInput }[] | null; refunds?: RefundRow[] | null }
type PaymentCollectionRow = { payments?: PaymentRow[] | null }

/**
 * Which order a refund belongs to: the order named in its metadata (our refund routes and the
 * cancellation write it), else the purchase's only order. A refund of a purchase spanning several
 * cooperatives that names no order (e.g. Medusa's own POST /admin/payments/:id/refund) cannot be
 * charged to anyone: it stays unattributed (order_id null) and is not booked.
 */
export function attributeRefund(refund: { metadata?: Record<string, unknown> | null } | null | undefined, shares: PaymentShare[]): string | null {
  const named = refund?.metadata?.order_id
  if (typeof named === "string" && shares.some((s) => s.order_id === named)) return named
  return shares.length === 1 ? shares[0].order_id : null
}

/** Every refund of the purchases with this payment collection, attributed to their orders. */
export async function refundsOfPaymentCollection(container: MedusaContainer, paymentCollectionId: string, shares: PaymentShare[]): Promise<AttributedRefund[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "payments.refunds.id", "payments.refunds.amount", "payments.refunds.metadata", "payments.refunds.created_at"],
    filters: { id: paymentCollectionId },
  })
  return ((data[0] as PaymentCollectionRow | undefined)?.payments ?? []).flatMap((p) =>
    (p.refunds ?? []).map((r) => ({
      refund_id: r.id,
      order_id: attributeRefund(r, shares),
      amount: Math.round(Number(r.amount)),
      created_at: new Date(r.created_at),
    }))
  )
}

export type CapturedPayment = { id: string; currency_code: string; captured: number; refunded: number; refund_ids: string[] }

/**
 * The captured payment of a purchase's payment collection, with how much of it is captured and
 * already refunded; null while nothing is captured (cash on delivery, an unpaid transfer).
 */
export async function capturedPayment(container: MedusaContainer, paymentCollectionId: string): Promise<CapturedPayment | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment_collection",
    fields: ["payments.id", "payments.currency_code", "payments.captures.amount", "payments.refunds.id", "payments.refunds.amount"],
    filters: { id: paymentCollectionId },
  })
  const payment = ((data[0] as PaymentCollectionRow | undefined)?.payments ?? []).find((p) => (p.captures ?? []).length)
  if (!payment) return null
  const sum = (rows: { amount: BigNumberInput }[]) => Number(rows.reduce((a: BigNumberInput, r) => MathBN.add(a, r.amount), 0))
  return {
    id: payment.id,
    currency_code: payment.currency_code,
    captured: sum(payment.captures ?? []),
    refunded: sum(payment.refunds ?? []),
    refund_ids: (payment.refunds ?? []).map((r) => r.id),
  }
}

/** Ledger lines for refunds of orders whose sale is booked (or being booked now). */
export function refundEntries(refunds: AttributedRefund[], cooperativeOf: Map<string, string>, displayIdOf: Map<string, number | string>): LedgerEntryInput[] {
  return refunds
    .filter((r) => r.order_id && cooperativeOf.has(r.order_id) && r.amount > 0)
    .map((r) => ({
      cooperative_id: cooperativeOf.get(r.order_id!)!,
      type: "refund" as const,
      amount: -r.amount,
      source_type: "refund" as const,
      source_id: r.refund_id,
      order_id: r.order_id,
      description: `Hoàn tiền cho khách, đơn #${displayIdOf.get(r.order_id!) ?? r.order_id}`,
      // A debit is available at once: it lowers what the next payout may take.
      occurred_at: r.created_at,
      available_at: r.created_at,
    }))
}

/** The one lock every refund of an order takes (admin refund, cancellation, capture after cancel, Medusa's payment refund). */
export const orderRefundLockKey = (orderId: string) => `order-refund:${orderId}`

/** How long a refund waits for another refund of the same order before answering 409 busy. */
export const ORDER_REFUND_LOCK_TIMEOUT_S = 30

export type OrderRefundable = {
  order_id: string
  group_id: string
  share: number
  method: PaymentMethod
  collector: Collector
  /** What the union received for this order: nothing when the cooperative collects, the remittance for union cash on delivery, else the share once captured. */
  paid_in: number
  /** Refunds attributed to this order (see attributeRefund). */
  refunded: number
  /** What may still go back: paid in less refunded, and never more than the payment still holds. */
  refundable: number
  payment: CapturedPayment | null
}

/**
 * What may still be refunded for one cooperative's order of a purchase; null when the order is in
 * no purchase. Read it under orderRefundLockKey, or two refunds can both see the same remainder.
 */
export async function refundableForOrder(container: MedusaContainer, orderId: string): Promise<OrderRefundable | null> {
  const purchase = await orderPurchase(container, orderId)
  const share = purchase?.share
  if (!purchase || !share) return null
  const collectionId = purchase.payment_collection_id
  const payment = collectionId ? await capturedPayment(container, collectionId) : null
  const { method, collector } = purchase

  let paidIn = 0
  if (collector === "cooperative") paidIn = 0
  else if (method === "cod") {
    const [remittance] = await (container.resolve(LEDGER_MODULE) as LedgerModuleService).listCodRemittances({ order_id: orderId }, { select: ["amount"] })
    paidIn = remittance && payment ? Math.min(share.amount, Number(remittance.amount)) : 0
  } else paidIn = payment ? share.amount : 0

  const refunded = payment
    ? (await refundsOfPaymentCollection(container, collectionId!, purchase.shares)).filter((r) => r.order_id === orderId).reduce((a, r) => a + r.amount, 0)
    : 0
  const refundable = payment ? Math.max(0, Math.min(paidIn - refunded, payment.captured - payment.refunded)) : 0
  return { order_id: orderId, group_id: purchase.id, share: share.amount, method, collector, paid_in: paidIn, refunded, refundable, payment }
}

/** Why `amount` (or, without one, anything) cannot be refunded for this order; null when it can. */
export function refundRefusal(r: OrderRefundable, amount?: number): CoopstallError | null {
  if (r.paid_in <= 0 && r.collector === "cooperative") {
    return conflict(
      "collected_by_cooperative",
      "The cooperative collected this order's cash on delivery, so the union holds nothing to refund: the cooperative refunds the shopper itself. " +
        "If the union must settle part of it, book an adjustment (POST /admin/cooperatives/:id/ledger-adjustments)."
    )
  }
  if (r.paid_in <= 0) return conflict("not_paid", "Nothing was paid for this order yet, so there is nothing to refund.")
  if (r.refundable <= 0 || (amount !== undefined && amount > r.refundable)) {
    return conflict(
      "refund_exceeds_share",
      `At most ${r.refundable} đồng of this order's share (${r.share} đồng, ${r.refunded} đồng already refunded) can still be refunded.`
    )
  }
  return null
}
