import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import CooperativeOrderLink from "../../../links/cooperative-order"
import { conflict, CoopstallError, notFound, ErrorTypes } from "../../../lib/errors"
import { orderPurchase } from "../read/paid-in"

/** What is read of the order. */
type OrderRow = { id: string; display_id: number | null; status: string; canceled_at: Date | string | null; currency_code: string | null }

export type CodRemittanceTarget = {
  order_id: string
  display_id: number | null
  order_group_id: string
  cooperative_id: string
  /** The order's share of the purchase: what the shopper handed the carrier for it. */
  share: number
  currency_code: string
  payment_id: string
}

/**
 * The order a carrier remitted cash for, checked: it exists, belongs to a purchase paid cash on
 * delivery through the union's carrier contract, is not canceled, and the amount is its share to
 * the đồng (a carrier that remits less or more is a dispute, not a remittance).
 */
export const loadCodRemittanceTargetStep = createStep(
  "load-cod-remittance-target",
  async ({ order_id, amount }: { order_id: string; amount: number }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: orders }, { data: links }] = await Promise.all([
      query.graph({ entity: "order", fields: ["id", "display_id", "status", "canceled_at", "currency_code"], filters: { id: order_id } }),
      query.graph({ entity: CooperativeOrderLink.entryPoint, fields: ["cooperative_id"], filters: { order_id } }),
    ])
    const order = orders[0] as OrderRow | undefined
    const cooperativeId: string | undefined = links[0]?.cooperative_id
    const purchase = order && cooperativeId ? await orderPurchase(container, order.id) : null
    if (!order || !cooperativeId || !purchase?.share) throw notFound("Order", order_id)
    if (purchase.method !== "cod") {
      throw conflict("not_cash_on_delivery", `Order #${order.display_id} was paid by ${purchase.method}, not cash on delivery: there is no remittance to record.`)
    }
    if (purchase.collector !== "union") {
      throw conflict("not_union_collected", `The cash of order #${order.display_id} is collected by the cooperative's own carrier account, not remitted to the union.`)
    }
    if (order.status === "canceled" || order.canceled_at) {
      throw conflict("order_canceled", `Order #${order.display_id} was canceled: no cash was collected for it.`)
    }
    if (amount !== Math.round(Number(purchase.share.amount))) {
      throw new CoopstallError(ErrorTypes.UNPROCESSABLE, "remittance_amount_mismatch", `The remittance for order #${order.display_id} must be its share, ${purchase.share.amount} đồng; got ${amount}.`, [
        { path: "amount", message: `must be ${purchase.share.amount}` },
      ])
    }
    const payments = purchase.payment_collection_id
      ? (await query.graph({ entity: "payment_collection", fields: ["payments.id", "payments.canceled_at"], filters: { id: purchase.payment_collection_id } })).data[0]?.payments ?? []
      : []
    const payment = payments.find((p) => p && !p.canceled_at)
    if (!payment) throw conflict("not_payable", `The purchase of order #${order.display_id} has no open payment to capture the remittance on.`)
    const target: CodRemittanceTarget = {
      order_id: order.id,
      display_id: order.display_id ?? null,
      order_group_id: purchase.id,
      cooperative_id: cooperativeId,
      share: Math.round(Number(purchase.share.amount)),
      currency_code: order.currency_code ?? "vnd",
      payment_id: payment.id,
    }
    return new StepResponse(target)
  }
)
