import { acquireLockStep, addOrderTransactionStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { Modules, PaymentEvents } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { capturedPayment, purchaseOfOrder, refundsOfPaymentCollection } from "../../lib/ledger/refunds"
import { bookLedgerEntriesStep } from "./steps/book-ledger-entries"
import { prepareRefundEntriesStep } from "./steps/prepare-refund-entries"

export type RefundCooperativeOrderInput = { order_id: string; amount: number; note?: string | null; created_by?: string }

/** How much of the purchase's payment may still go back to the shopper for this order. */
const validateOrderRefundStep = createStep("validate-cooperative-order-refund", async (input: RefundCooperativeOrderInput, { container }) => {
  const purchase = await purchaseOfOrder(container, input.order_id)
  const share = purchase?.shares.find((s) => s.order_id === input.order_id)
  if (!purchase || !share) throw notFound("Order", input.order_id)
  const collectionId = purchase.payment_collection_id
  const payment = collectionId ? await capturedPayment(container, collectionId) : null
  if (!payment) throw conflict("not_paid", "Nothing was paid for this order yet, so there is nothing to refund.")
  const refundedForOrder = (await refundsOfPaymentCollection(container, collectionId!, purchase.shares))
    .filter((r) => r.order_id === input.order_id)
    .reduce((a, r) => a + r.amount, 0)
  const refundable = Math.min(share.amount - refundedForOrder, payment.captured - payment.refunded)
  if (input.amount > refundable) {
    throw conflict("refund_exceeds_share", `At most ${refundable} đồng of this order's share (${share.amount} đồng) can still be refunded.`)
  }
  return new StepResponse({ payment_id: payment.id, currency_code: payment.currency_code, known_refund_ids: payment.refund_ids })
})

/** The one write that cannot be undone, so it runs after every check. The refund names its order. */
const refundOrderPaymentStep = createStep(
  "refund-cooperative-order-payment",
  async (
    input: { payment_id: string; known_refund_ids: string[]; order_id: string; amount: number; note?: string | null; created_by?: string },
    { container }
  ) => {
    const payment: any = await container.resolve(Modules.PAYMENT).refundPayment({
      payment_id: input.payment_id,
      amount: input.amount,
      created_by: input.created_by,
      note: input.note ?? undefined,
      metadata: { order_id: input.order_id },
    } as any)
    const refund = (payment.refunds ?? []).find((r: any) => !input.known_refund_ids.includes(r.id))
    return new StepResponse({ refund_id: refund?.id as string })
  }
)

/**
 * The union gives money back to a shopper for one cooperative's order (a complaint after
 * delivery): at most that order's share, less what was already refunded for it. The refund names
 * the order, Medusa's payment.refunded is emitted, and if the order's sale is booked the refund is
 * debited from that cooperative at once.
 */
export const refundCooperativeOrderWorkflow = createWorkflow("refund-cooperative-order", (input: RefundCooperativeOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => `order-refund:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const payment = validateOrderRefundStep(input)
  const refund = refundOrderPaymentStep(
    transform({ input, payment }, ({ input, payment }) => ({ ...input, payment_id: payment.payment_id, known_refund_ids: payment.known_refund_ids }))
  )
  addOrderTransactionStep(
    transform({ input, payment, refund }, ({ input, payment, refund }) => ({
      order_id: input.order_id,
      amount: -input.amount,
      currency_code: payment.currency_code,
      reference: "refund",
      reference_id: refund.refund_id,
    }))
  )
  const prepared = prepareRefundEntriesStep(transform({ payment }, ({ payment }) => ({ payment_id: payment.payment_id })))
  const booked = bookLedgerEntriesStep(transform({ prepared }, ({ prepared }) => ({ entries: prepared.entries })))
  emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ payment }, ({ payment }) => ({ id: payment.payment_id })) })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ refund, booked }, ({ refund, booked }) => ({ refund_id: refund.refund_id, booked: booked.booked })))
})
