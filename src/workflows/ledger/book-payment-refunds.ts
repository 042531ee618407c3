import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bookLedgerEntriesStep } from "./steps/book-ledger-entries"
import { prepareRefundEntriesStep } from "./steps/prepare-refund-entries"

/** Money went back to a shopper: the cooperative whose delivered order it was refunded for is debited, once per refund. */
export const bookPaymentRefundsWorkflow = createWorkflow("book-payment-refunds", (input: { payment_id: string }) => {
  const prepared = prepareRefundEntriesStep(input)
  const result = bookLedgerEntriesStep(transform({ prepared }, ({ prepared }) => ({ entries: prepared.entries })))
  return new WorkflowResponse(transform({ prepared, result }, ({ prepared, result }) => ({ unattributed: prepared.unattributed, ...result })))
})
