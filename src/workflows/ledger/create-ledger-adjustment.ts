import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"

export type CreateLedgerAdjustmentInput = {
  cooperative_id: string
  /** Signed whole đồng: positive owes the cooperative more, negative takes from it. */
  amount: number
  reason: string
  /** Sending the same key again returns the first adjustment instead of booking a second one. */
  idempotency_key?: string
  created_by: string
}

/**
 * One adjustment line (source admin/<id>), available at once. With an idempotency key the source
 * id is derived from it, so the ledger's unique source turns a retried request into a no-op; the
 * same key with a different amount or reason is refused.
 */
const bookAdjustmentStep = createStep("book-ledger-adjustment", async (input: CreateLedgerAdjustmentInput, { container }) => {
  const [cooperative] = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: input.cooperative_id }, { select: ["id"] })
  if (!cooperative) throw notFound("Cooperative", input.cooperative_id)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const sourceId = input.idempotency_key ? `${input.cooperative_id}:${input.idempotency_key}` : generateEntityId(undefined, "adj")
  const now = new Date()
  const booked = await ledger.book([
    {
      cooperative_id: input.cooperative_id,
      type: "adjustment",
      amount: input.amount,
      source_type: "admin",
      source_id: sourceId,
      reason: input.reason,
      description: input.reason,
      created_by: input.created_by,
      occurred_at: now,
      available_at: now,
    },
  ])
  const [entry] = await ledger.listLedgerEntries({ type: "adjustment", source_type: "admin", source_id: sourceId })
  if (!booked.length && (Number(entry.amount) !== input.amount || entry.reason !== input.reason || entry.cooperative_id !== input.cooperative_id)) {
    throw conflict("idempotency_key_reused", "This idempotency key was already used for a different adjustment.")
  }
  return new StepResponse({ entry, created: booked.length === 1 })
})

export const createLedgerAdjustmentWorkflow = createWorkflow("create-ledger-adjustment", (input: CreateLedgerAdjustmentInput) => {
  return new WorkflowResponse(bookAdjustmentStep(input))
})
