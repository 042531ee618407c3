import { acquireLockStep, addOrderTransactionStep, capturePaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCodRemittanceStep, findCodRemittanceStep, type CodRemittanceInput } from "./steps/create-cod-remittance"
import { loadCodRemittanceTargetStep } from "./steps/load-cod-remittance-target"

/**
 * A carrier under the union's contract remitted an order's cash on delivery to the union: the
 * remittance is recorded once, that share is captured on the purchase's payment (Medusa's
 * capturePaymentWorkflow with the amount, which emits payment.captured) and the order records it as
 * a transaction. Locked per order (two requests at once record one remittance) and per purchase
 * (the payment is captured by one workflow at a time, as mark-paid does). Booking the sale is the
 * caller's next step (bookDeliveredOrderWorkflow), so a remittance before delivery is fine.
 */
export const recordCodRemittanceWorkflow = createWorkflow("record-cod-remittance", (input: CodRemittanceInput) => {
  const target = loadCodRemittanceTargetStep(transform({ input }, ({ input }) => ({ order_id: input.order_id, amount: input.amount })))
  const keys = transform({ target }, ({ target }) => [`cod-remittance:${target.order_id}`, `purchase-payment:${target.order_group_id}`])
  acquireLockStep({ key: keys, timeout: 15, ttl: 60 })
  const { existing } = findCodRemittanceStep(input)
  const created = when("record-if-new", { existing }, ({ existing }) => !existing).then(() => {
    const remittance = createCodRemittanceStep({ input, target })
    capturePaymentWorkflow.runAsStep({
      input: transform({ target, input }, ({ target, input }) => ({ payment_id: target.payment_id, amount: target.share, captured_by: input.recorded_by ?? undefined })),
    })
    addOrderTransactionStep(
      transform({ target }, ({ target }) => [
        { order_id: target.order_id, amount: target.share, currency_code: target.currency_code, reference: "capture", reference_id: target.payment_id },
      ])
    )
    return remittance
  })
  releaseLockStep({ key: keys })
  return new WorkflowResponse(
    transform({ existing, created, target }, ({ existing, created, target }) => ({
      remittance: created ?? existing,
      created: !!created,
      display_id: target.display_id,
    }))
  )
})
