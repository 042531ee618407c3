import { acquireLockStep, addOrderTransactionStep, capturePaymentWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { methodOf } from "../../modules/order-group/rules/collector"
import { PaymentShare, sharesOf } from "../../modules/order-group"
import { refundCanceledSharesStep } from "./steps/refund-canceled-shares"

/** What the step reads of the purchase and of its payment collection (graph rows). */
type PayableInput = {
  collection?: { payments?: ({ id: string; captured_at?: Date | string | null; canceled_at?: Date | string | null } | null)[] | null } | null
  group?: { shares?: unknown; payment_provider_id?: string | null } | null
}

const findPayableStep = createStep("find-purchase-payment", async ({ collection, group }: PayableInput) => {
  // Cash on delivery is never "marked paid" as a whole: the union's carriers remit per order (each
  // remittance captures that order's share), and cash a cooperative collects never reaches the union.
  const shares = (group?.shares ?? []) as PaymentShare[]
  if (shares.length && methodOf(shares[0], group?.payment_provider_id) === "cod") {
    throw conflict(
      "cash_on_delivery",
      "This purchase is paid in cash on delivery: record each carrier's remittance per order (POST /admin/cod-remittances); cash a cooperative collects itself is settled through its ledger."
    )
  }
  const payments = (collection?.payments ?? []).filter((p) => p && !p.canceled_at)
  const payment = payments[0]
  if (!payment) throw conflict("not_payable", "This purchase has no open payment to mark received.")
  return new StepResponse({ payment_id: payment.id, already_captured: !!payment.captured_at })
})

/**
 * The shopper's transfer arrived (marked by the union, or notified by its bank): the purchase's one
 * payment is captured, each cooperative's order records its share as paid, and the shares of orders
 * canceled meanwhile are refunded. Idempotent, and
 * locked per purchase, so the bank's retries and an admin's click at the same moment capture once.
 */
export const markPurchasePaidWorkflow = createWorkflow(
  "mark-purchase-paid",
  (input: { order_group_id: string; captured_by?: string }) => {
    const lockKey = transform({ input }, ({ input }) => `purchase-payment:${input.order_group_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const { data: groups } = useQueryGraphStep({
      entity: "order_group",
      fields: ["id", "total", "currency_code", "shares", "payment_collection_id", "payment_provider_id"],
      filters: { id: input.order_group_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "load-order-group" })
    const { data: collections } = useQueryGraphStep({
      entity: "payment_collection",
      fields: ["id", "payments.id", "payments.captured_at", "payments.canceled_at"],
      filters: transform({ groups }, ({ groups }) => ({ id: groups[0].payment_collection_id ?? "none" })),
    }).config({ name: "load-payment-collection" })
    const payable = findPayableStep({
      collection: transform({ collections }, ({ collections }) => collections[0]),
      group: transform({ groups }, ({ groups }) => groups[0]),
    })

    const captured = when("capture-if-not-yet", { payable }, ({ payable }) => !payable.already_captured).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ payable, groups, input }, ({ payable, groups, input }) => ({
          payment_id: payable.payment_id,
          amount: Number(groups[0].total),
          captured_by: input.captured_by,
        })),
      })
      addOrderTransactionStep(
        transform({ payable, groups }, ({ payable, groups }) =>
          sharesOf(groups[0]).map((s) => ({
            order_id: s.order_id,
            amount: s.amount,
            currency_code: groups[0].currency_code,
            reference: "capture",
            reference_id: payable.payment_id,
          }))
        )
      )
      // An order canceled while the transfer was on its way: its share goes back now, not kept.
      return refundCanceledSharesStep(transform({ input }, ({ input }) => ({ order_group_id: input.order_group_id, created_by: input.captured_by })))
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ captured }, ({ captured }) => ({ captured: !!captured, canceled_share_refunds: captured ?? [] })))
  }
)
