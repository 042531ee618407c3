import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LEDGER_MODULE, LedgerModuleService, type StripeReversal } from "../../modules/ledger"

/**
 * Books one Stripe `transfer.reversed` event: the amount that event reversed, once per event id
 * (the service locks the payout and keys the line by the event). A partial reversal leaves the
 * payout paid; the whole amount reversed fails it, and the owners are told as for any failure.
 * Nothing to compensate: the single write is atomic and idempotent.
 */
const bookStripeReversalStep = createStep("book-stripe-reversal", async (input: StripeReversal, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  return new StepResponse(await ledger.bookStripeReversal(input))
})

export const bookStripeReversalWorkflow = createWorkflow("book-stripe-reversal", (input: StripeReversal) => {
  const booked = bookStripeReversalStep(input)
  when("tell-owners-if-failed-now", { booked }, ({ booked }) => !!booked && booked.from !== "failed" && booked.status === "failed").then(() => {
    emitEventStep({
      eventName: "payout.failed",
      data: transform({ booked }, ({ booked }) => ({
        id: booked!.payout_id, cooperative_id: booked!.cooperative_id, period: booked!.period, amount: booked!.amount,
        status: "failed", reference: null, reason: "Stripe transfer reversed",
      })),
    })
  })
  return new WorkflowResponse(booked)
})
