import { acquireLockStep, addOrderTransactionStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { Modules, PaymentEvents } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../lib/errors"
import { ORDER_REFUND_LOCK_TIMEOUT_S, orderRefundLockKey, refundableForOrder, refundRefusal } from "./read/refunds"
import { bookLedgerEntriesStep } from "./steps/book-ledger-entries"
import { prepareRefundEntriesStep } from "./steps/prepare-refund-entries"

/** `amount` omitted: everything that may still be refunded for the order (Medusa's refund without an amount). */
export type RefundCooperativeOrderInput = {
  order_id: string
  amount?: number
  note?: string | null
  refund_reason_id?: string | null
  created_by?: string
}

/** How much of the purchase's payment may still go back to the shopper for this order; read under the order's refund lock. */
const validateOrderRefundStep = createStep("validate-cooperative-order-refund", async (input: RefundCooperativeOrderInput, { container }) => {
  const refundable = await refundableForOrder(container, input.order_id)
  if (!refundable) throw notFound("Order", input.order_id)
  const refusal = refundRefusal(refundable, input.amount)
  if (refusal) throw refusal
  const payment = refundable.payment!
  return new StepResponse({
    payment_id: payment.id,
    currency_code: payment.currency_code,
    known_refund_ids: payment.refund_ids,
    amount: input.amount ?? refundable.refundable,
  })
})

/** The one write that cannot be undone, so it runs after every check. The refund names its order. */
const refundOrderPaymentStep = createStep(
  "refund-cooperative-order-payment",
  async (
    input: {
      payment_id: string
      known_refund_ids: string[]
      order_id: string
      amount: number
      note?: string | null
      refund_reason_id?: string | null
      created_by?: string
    },
    { container }
  ) => {
    const payment = await container.resolve(Modules.PAYMENT).refundPayment({
      payment_id: input.payment_id,
      amount: input.amount,
      created_by: input.created_by,
      note: input.note ?? undefined,
      refund_reason_id: input.refund_reason_id ?? undefined,
      metadata: { order_id: input.order_id },
    })
    const refund = (payment.refunds ?? []).find((r) => !input.known_refund_ids.includes(r.id))
    return new StepResponse({ refund_id: refund?.id as string })
  }
)

/**
 * The union gives money back to a shopper for one cooperative's order (a complaint after
 * delivery, or Medusa Admin's refund button on a one-order purchase): at most what was paid in for
 * that order, less every earlier refund of it, under the order's one refund lock. The refund names
 * the order, Medusa's payment.refunded is emitted, and if the order's sale is booked the refund is
 * debited from that cooperative at once.
 */
export const refundCooperativeOrderWorkflow = createWorkflow("refund-cooperative-order", (input: RefundCooperativeOrderInput) => {
  const lockKey = transform({ input }, ({ input }) => orderRefundLockKey(input.order_id))
  acquireLockStep({ key: lockKey, timeout: ORDER_REFUND_LOCK_TIMEOUT_S, ttl: 120, executeOnSubWorkflow: true })
  const payment = validateOrderRefundStep(input)
  const refund = refundOrderPaymentStep(
    transform({ input, payment }, ({ input, payment }) => ({
      ...input,
      amount: payment.amount,
      payment_id: payment.payment_id,
      known_refund_ids: payment.known_refund_ids,
    }))
  )
  addOrderTransactionStep(
    transform({ input, payment, refund }, ({ input, payment, refund }) => ({
      order_id: input.order_id,
      amount: -payment.amount,
      currency_code: payment.currency_code,
      reference: "refund",
      reference_id: refund.refund_id,
    }))
  )
  const prepared = prepareRefundEntriesStep(transform({ payment }, ({ payment }) => ({ payment_id: payment.payment_id })))
  const booked = bookLedgerEntriesStep(transform({ prepared }, ({ prepared }) => ({ entries: prepared.entries })))
  emitEventStep({ eventName: PaymentEvents.REFUNDED, data: transform({ payment }, ({ payment }) => ({ id: payment.payment_id })) })
  releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
  return new WorkflowResponse(
    transform({ refund, booked, payment }, ({ refund, booked, payment }) => ({
      refund_id: refund.refund_id,
      payment_id: payment.payment_id,
      amount: payment.amount,
      booked: booked.booked,
    }))
  )
})
