import { acquireLockStep, adjustInventoryLevelsStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { InventoryLevelWorkflowEvents, Modules, PaymentEvents } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { orderPurchase } from "../ledger/read/paid-in"
import { ORDER_REFUND_LOCK_TIMEOUT_S, orderRefundLockKey, refundableForOrder, refundRefusal } from "../ledger/read/refunds"
import type { LedgerEntryInput } from "../../modules/ledger"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService, type ReturnItem } from "../../modules/cooperative-return"
import { bookLedgerEntriesStep } from "../ledger/steps/book-ledger-entries"
import { prepareRefundEntriesStep } from "../ledger/steps/prepare-refund-entries"
import { RETURN_EVENTS, returnEventData } from "./events"
import { orderForReturn, orderReturnLockKey } from "./order-for-return"
import { returnCommissionLines } from "./return-commission"

export type ReceiveReturnInput = { return_id: string; order_id: string; cooperative_id: string; received_by: string }

type Plan = {
  return_id: string
  /** The return as the events describe it. */
  record: { id: string; order_id: string; order_group_id: string | null; cooperative_id: string; customer_id: string; items: ReturnItem[] }
  order_id: string
  restock: { inventory_item_id: string; location_id: string; adjustment: number }[]
  /** The items' share of the payment, refunded through the union's payment; 0 when the cooperative collected the cash (it refunds the shopper itself). */
  refund_amount: number
  commission: LedgerEntryInput[]
  commission_reversed: number
}

/**
 * Under the order's return lock: the return must be accepted (by the cooperative or the union).
 * Plans the stock to put back at the warehouse the parcel left from, what goes back to the shopper
 * (checked against the order's refund caps now, so a receipt that could not refund changes nothing),
 * and the commission lines that give back what the union took on those items, less what it keeps.
 */
const planReturnReceiptStep = createStep("plan-return-receipt", async (input: ReceiveReturnInput, { container }) => {
  const service: CooperativeReturnModuleService = container.resolve(COOPERATIVE_RETURN_MODULE)
  const [ret] = await service.listCooperativeReturns({ id: input.return_id, cooperative_id: input.cooperative_id })
  if (!ret) throw notFound("Return", input.return_id)
  if (ret.status !== "accepted") {
    throw conflict(ret.status === "received" || ret.status === "refunded" ? "return_already_received" : "invalid_return_status", `Only an accepted return can be received; this one is ${ret.status}.`)
  }
  const order = await orderForReturn(container, ret.order_id, ret.id)
  if (!order) throw notFound("Order", ret.order_id)
  const items = ret.items as unknown as ReturnItem[]

  const restock: Plan["restock"] = []
  for (const item of items) {
    const line = order.lines.get(item.line_item_id)
    if (!line?.location_id) continue
    for (const inv of line.inventory) restock.push({ inventory_item_id: inv.inventory_item_id, location_id: line.location_id, adjustment: item.quantity * inv.required_quantity })
  }

  const purchase = await orderPurchase(container, order.id)
  const amount = items.reduce((a, i) => a + Number(i.amount), 0)
  let refundAmount = 0
  if (purchase && purchase.collector === "union" && amount > 0) {
    const refundable = await refundableForOrder(container, order.id)
    const refusal = refundable && refundRefusal(refundable, amount)
    if (refusal) throw refusal
    refundAmount = amount
  }

  // The commission booked on each returned item, and how much of it goes back (nothing yet if the order is only partly delivered).
  const commission = await returnCommissionLines(container, { id: ret.id, items }, order, input.received_by)
  const plan: Plan = {
    return_id: ret.id,
    record: { id: ret.id, order_id: ret.order_id, order_group_id: ret.order_group_id ?? null, cooperative_id: ret.cooperative_id, customer_id: ret.customer_id, items },
    order_id: order.id,
    restock,
    refund_amount: refundAmount,
    commission,
    commission_reversed: commission.reduce((a, e) => a + e.amount, 0),
  }
  return new StepResponse(plan)
})

/** The return is received; undone (back to accepted) if a later step fails. */
const markReturnReceivedStep = createStep(
  "mark-return-received",
  async ({ return_id, received_by, commission_reversed }: { return_id: string; received_by: string; commission_reversed: number }, { container }) => {
    const service: CooperativeReturnModuleService = container.resolve(COOPERATIVE_RETURN_MODULE)
    const ok = await service.transition(return_id, ["accepted"], { status: "received", received_by, received_at: new Date(), commission_reversed })
    if (!ok) throw conflict("return_already_received", "This return was received already.")
    return new StepResponse(undefined, return_id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).transition(id, ["received"], {
      status: "accepted", received_by: null, received_at: null, commission_reversed: null,
    })
  }
)

/**
 * The items' share goes back through the purchase's payment, under the order's refund lock and
 * within its caps (refundableForOrder, read again under the lock), naming its order and return.
 * The one write that cannot be undone, so it comes after every write that can.
 */
const refundReturnStep = createStep("refund-cooperative-return", async ({ order_id, return_id, amount, created_by }: { order_id: string; return_id: string; amount: number; created_by: string }, { container }) => {
  const refund = await container.resolve(Modules.LOCKING).execute(
    orderRefundLockKey(order_id),
    async () => {
      const refundable = await refundableForOrder(container, order_id)
      if (!refundable) throw notFound("Order", order_id)
      const refusal = refundRefusal(refundable, amount)
      if (refusal) throw refusal
      const payment = refundable.payment!
      const refunded = await container.resolve(Modules.PAYMENT).refundPayment({ payment_id: payment.id, amount, created_by, metadata: { order_id, return_id } })
      const created = (refunded?.refunds ?? []).find((r) => !payment.refund_ids.includes(r.id))
      await container.resolve(Modules.ORDER).addOrderTransactions({ order_id, amount: -amount, currency_code: payment.currency_code, reference: "refund", reference_id: created?.id })
      return { payment_id: payment.id, refund_id: created?.id ?? null, amount }
    },
    { timeout: ORDER_REFUND_LOCK_TIMEOUT_S }
  )
  await (container.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).transition(return_id, ["received"], {
    status: "refunded", refund_amount: refund.amount, refund_id: refund.refund_id,
  })
  return new StepResponse(refund)
})

/**
 * POST /vendor/returns/:id/receive: the parcel is back at the cooperative. Its stock returns to the
 * warehouse it left from, the items' share goes back to the shopper when the union holds the money
 * (a cooperative that collected the cash refunds it itself), the refund is debited from the
 * cooperative like any refund after delivery, and the commission on the items is given back less
 * what the union keeps (RETURN_COMMISSION_KEPT_PERCENT). See docs/returns.md.
 */
export const receiveReturnWorkflow = createWorkflow("receive-cooperative-return", (input: ReceiveReturnInput) => {
  const lockKey = transform({ input }, ({ input }) => orderReturnLockKey(input.order_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 120 })
  const plan = planReturnReceiptStep(input)
  const levels = adjustInventoryLevelsStep(transform({ plan }, ({ plan }) => plan.restock))
  markReturnReceivedStep(transform({ plan, input }, ({ plan, input }) => ({ return_id: plan.return_id, received_by: input.received_by, commission_reversed: plan.commission_reversed })))
  const refund = when({ plan }, ({ plan }) => plan.refund_amount > 0).then(() =>
    refundReturnStep(transform({ plan, input }, ({ plan, input }) => ({ order_id: plan.order_id, return_id: plan.return_id, amount: plan.refund_amount, created_by: input.received_by })))
  )
  // The refund line (if the order's sale is booked; idempotent with the payment.refunded subscriber) and the commission given back.
  const refundLines = when({ refund }, ({ refund }) => !!refund).then(() =>
    prepareRefundEntriesStep(transform({ refund }, ({ refund }) => ({ payment_id: refund!.payment_id })))
  )
  const booked = bookLedgerEntriesStep(
    transform({ plan, refundLines }, ({ plan, refundLines }) => ({ entries: [...(refundLines?.entries ?? []).filter((e) => e.order_id === plan.order_id), ...plan.commission] }))
  )
  emitEventStep({
    eventName: InventoryLevelWorkflowEvents.UPDATED,
    data: transform({ levels, plan }, ({ levels, plan }) => (levels ?? []).map((l) => ({ id: l.id, order_id: plan.order_id }))),
  }).config({ name: "emit-inventory-level-updated" })
  when({ refund }, ({ refund }) => !!refund).then(() => {
    emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ refund }, ({ refund }) => ({ id: refund!.payment_id })) }).config({ name: "emit-payment-refunded" })
  })
  emitEventStep({
    eventName: RETURN_EVENTS.received,
    data: transform({ plan, input }, ({ plan, input }) => returnEventData({ ...plan.record, status: "received" }, { actor: "cooperative", actor_id: input.received_by })),
  }).config({ name: "emit-return-received" })
  when({ refund }, ({ refund }) => !!refund).then(() => {
    emitEventStep({
      eventName: RETURN_EVENTS.refunded,
      data: transform({ plan, input, refund }, ({ plan, input, refund }) =>
        returnEventData({ ...plan.record, status: "refunded" }, { actor: "cooperative", actor_id: input.received_by, amount: refund!.amount })
      ),
    }).config({ name: "emit-return-refunded" })
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ plan, refund, booked }, ({ plan, refund, booked }) => ({ plan, refund: refund ?? null, booked })))
})
