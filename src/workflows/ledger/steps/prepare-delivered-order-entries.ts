import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CooperativeOrderLink from "../../../links/cooperative-order"
import { allocateVnd } from "../../../lib/money"
import { commissionOn } from "../../../modules/ledger/rules/commission"
import { resolveCommissionRates } from "../read/resolve-commission-rates"
import { ledgerHoldDays } from "../../../modules/ledger/rules/config"
import { deliveredOrderAvailability, orderPurchase, unionPaidInAt } from "../read/paid-in"
import { refundEntries, refundsOfPaymentCollection } from "../read/refunds"
import { hasFailedDelivery } from "../../order/utils/order-progress"
import type { LedgerEntryInput } from "../../../modules/ledger"

const ORDER_FIELDS = [
  "id", "display_id", "status", "canceled_at", "item_total", "shipping_total",
  "items.id", "items.product_id", "items.product_title", "items.variant_title", "items.quantity", "items.total",
  "fulfillments.id", "fulfillments.delivered_at", "fulfillments.canceled_at", "fulfillments.metadata",
  "fulfillments.items.line_item_id", "fulfillments.items.quantity",
]

/** What delivery is judged on: the order's status, items and fulfilments, as ORDER_FIELDS reads them. */
export type DeliveryRow = {
  status?: string | null
  canceled_at?: Date | string | null
  items?: ({ id: string; quantity: unknown } | null)[] | null
  fulfillments?: ({
    id?: string
    canceled_at?: Date | string | null
    delivered_at?: Date | string | null
    metadata?: Record<string, unknown> | null
    items?: ({ line_item_id?: string | null; quantity: unknown } | null)[] | null
  } | null)[] | null
}

/** When every item of the order sits in a delivered fulfilment: the last delivery's instant; else null. */
export function fullyDeliveredAt(order: DeliveryRow): Date | null {
  if (order.status === "canceled" || order.canceled_at) return null
  // A parcel came back: never a sale, even if Medusa's own admin route marks another parcel delivered.
  if (hasFailedDelivery(order)) return null
  const delivered = (order.fulfillments ?? []).filter((f) => f && !f.canceled_at && f.delivered_at)
  const deliveredQty = new Map<string, number>()
  for (const f of delivered) {
    for (const i of f?.items ?? []) if (i?.line_item_id) deliveredQty.set(i.line_item_id, (deliveredQty.get(i.line_item_id) ?? 0) + Number(i.quantity))
  }
  const items = order.items ?? []
  if (!items.length || items.some((i) => !i || (deliveredQty.get(i.id) ?? 0) < Number(i.quantity))) return null
  return new Date(Math.max(...delivered.map((f) => new Date(f!.delivered_at!).getTime())))
}

/**
 * What a cooperative earned on a fully delivered order: one sale line per item (its total after
 * discounts, tax included, in whole đồng; the order's item total is rounded once and split over
 * the items, so the lines add up to it exactly), one commission line per item at the rate that
 * applies today, stored on the line, and one shipping line. Refunds of the order made before
 * delivery are booked with it. Nothing for an order not (yet) fully delivered or canceled.
 *
 * Who collected the money decides the rest (docs/money/cash-on-delivery.md): a cooperative that
 * collected cash on delivery itself gets one more `cash_collected` line (−its share: the cash it
 * holds), and every line is available at once, so its balance shows the commission it owes now.
 * An order the union collects is booked only once its money is in (payment captured, or the
 * carrier's remittance recorded), available after the hold and not before it was paid in; until
 * then nothing is booked and the step answers `awaiting_payment`.
 */
export const prepareDeliveredOrderEntriesStep = createStep(
  "prepare-delivered-order-entries",
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: orders }, { data: links }] = await Promise.all([
      query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: order_id } }),
      query.graph({ entity: CooperativeOrderLink.entryPoint, fields: ["cooperative_id"], filters: { order_id } }),
    ])
    const order = orders[0]
    const cooperativeId: string | undefined = links[0]?.cooperative_id
    const deliveredAt = order && cooperativeId ? fullyDeliveredAt(order) : null
    if (!order || !cooperativeId || !deliveredAt) {
      return new StepResponse({ entries: [] as LedgerEntryInput[], delivered: false, awaiting_payment: false })
    }

    const purchase = await orderPurchase(container, order.id)
    // An order outside any purchase (made by Medusa's admin directly) was collected by the union, as before.
    const collector = purchase?.collector ?? "union"
    const paidInAt = collector === "union" && purchase ? await unionPaidInAt(container, order.id, purchase) : null
    const availability = purchase
      ? deliveredOrderAvailability({ collector, delivered_at: deliveredAt, hold_days: ledgerHoldDays(), paid_in_at: paidInAt })
      : deliveredOrderAvailability({ collector, delivered_at: deliveredAt, hold_days: ledgerHoldDays(), paid_in_at: deliveredAt })
    if ("awaiting_payment" in availability) {
      return new StepResponse({ entries: [] as LedgerEntryInput[], delivered: true, awaiting_payment: true })
    }
    const availableAt = availability.available_at
    const items = (order.items ?? []).filter((i) => i !== null)
    // Every item of a cooperative's order is one of its products.
    const productOf = (item: (typeof items)[number]) => item.product_id!
    const itemTotals = items.map((i) => Number(i.total ?? 0))
    const sales = allocateVnd(Math.round(itemTotals.reduce((a, t) => a + t, 0)), itemTotals)
    const rates = await resolveCommissionRates(container, cooperativeId, items.map(productOf))
    const common = { cooperative_id: cooperativeId, order_id: order.id, occurred_at: deliveredAt }

    const entries: LedgerEntryInput[] = items.flatMap((item, k) => {
      const name = `${item.product_title}${item.variant_title ? ` – ${item.variant_title}` : ""}`
      const rate = rates.get(productOf(item))!
      return [
        {
          ...common,
          type: "sale" as const,
          amount: sales[k],
          source_type: "order_item" as const,
          source_id: item.id,
          line_item_id: item.id,
          description: `${name} × ${Number(item.quantity)}, đơn #${order.display_id}`,
          available_at: availableAt,
        },
        {
          ...common,
          type: "commission" as const,
          amount: commissionOn(sales[k], rate.rate_bps) || 0,
          source_type: "order_item" as const,
          source_id: item.id,
          line_item_id: item.id,
          rate_bps: rate.rate_bps,
          commission_rate_id: rate.commission_rate_id,
          description: `Hoa hồng ${rate.rate_bps / 100}% trên ${name}, đơn #${order.display_id}`,
          // Taken from the sale it belongs to, so it becomes payable (and deductible) with it.
          available_at: availableAt,
        },
      ]
    })
    const shipping = Math.round(Number(order.shipping_total ?? 0))
    if (shipping > 0) {
      entries.push({
        ...common,
        type: "shipping",
        amount: shipping,
        source_type: "order",
        source_id: order.id,
        description: `Phí vận chuyển, đơn #${order.display_id}`,
        available_at: availableAt,
      })
    }

    if (collector === "cooperative") {
      // The shopper's cash went to the cooperative through its own carrier: it holds what it would
      // otherwise be paid, so its balance comes to −commission (what it owes the union).
      const cash = Math.round(Number(purchase?.share?.amount ?? sales.reduce((a, v) => a + v, 0) + shipping))
      if (cash > 0) {
        entries.push({
          ...common,
          type: "cash_collected",
          amount: -cash,
          source_type: "order",
          source_id: order.id,
          description: `Tiền mặt HTX đã thu của khách (COD qua đơn vị vận chuyển của HTX), đơn #${order.display_id}`,
          available_at: availableAt,
        })
      }
    }

    if (purchase?.payment_collection_id) {
      const refunds = await refundsOfPaymentCollection(container, purchase.payment_collection_id, purchase.shares)
      entries.push(...refundEntries(refunds.filter((r) => r.order_id === order.id), new Map([[order.id, cooperativeId]]), new Map([[order.id, order.display_id as string | number]])))
    }
    return new StepResponse({ entries, delivered: true, awaiting_payment: false })
  }
)
