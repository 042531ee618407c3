import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bookCommissionOfEarlierReturnsStep } from "../return/book-commission-of-earlier-returns"
import { bookLedgerEntriesStep } from "./steps/book-ledger-entries"
import { prepareDeliveredOrderEntriesStep } from "./steps/prepare-delivered-order-entries"

/**
 * A cooperative's order is fully delivered: its sales, commission and shipping income enter the
 * ledger, payable after the hold period (or at once, with the cash it collected itself, for a
 * cooperative that collected cash on delivery). An order the union collects whose money is not in
 * yet books nothing and answers `awaiting_payment`; the capture or the remittance runs this again.
 * Safe to run any number of times for the same order.
 */
export const bookDeliveredOrderWorkflow = createWorkflow("book-delivered-order", (input: { order_id: string }) => {
  const prepared = prepareDeliveredOrderEntriesStep(input)
  const result = bookLedgerEntriesStep(transform({ prepared }, ({ prepared }) => ({ entries: prepared.entries })))
  // Returns received while the order was partly delivered give back their commission now that it is taken.
  when({ prepared }, ({ prepared }) => prepared.entries.length > 0).then(() => bookCommissionOfEarlierReturnsStep(input))
  return new WorkflowResponse(
    transform({ prepared, result }, ({ prepared, result }) => ({ delivered: prepared.delivered, awaiting_payment: prepared.awaiting_payment, ...result }))
  )
})
