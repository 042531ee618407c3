import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { conflict, notFound } from "../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService, type PayoutStatus } from "../../modules/ledger"

export const PAYOUT_DECISIONS = {
  // The finance officer saw the transfer leave (bank reference), or Stripe confirmed the transfer.
  mark_paid: { from: ["pending", "processing"], to: "paid" },
  // The bank returned it, or it could not be sent: the amount goes back to the balance.
  mark_failed: { from: ["pending", "processing"], to: "failed" },
  // Stripe reversed a transfer it had made.
  reverse: { from: ["paid"], to: "failed" },
} as const satisfies Record<string, { from: readonly PayoutStatus[]; to: PayoutStatus }>
export type PayoutDecision = keyof typeof PAYOUT_DECISIONS

export type DecidePayoutInput = {
  payout_id: string
  decision: PayoutDecision
  reference?: string | null
  reason?: string | null
  decided_by?: string | null
}

/**
 * Moves a payout along its lifecycle. The database decides who wins (a conditional update), so a
 * double click or a webhook repeated at the same moment changes it once; the loser gets 409. A
 * failure books the `payout_reversal` entry in the same transaction; that entry is unique per
 * payout, so the amount returns once. Nothing to compensate: the single write is atomic.
 */
const decidePayoutStep = createStep("decide-payout", async (input: DecidePayoutInput, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const [payout] = await ledger.listPayouts({ id: input.payout_id }, { select: ["id", "status"] })
  if (!payout) throw notFound("Payout", input.payout_id)
  const rule = PAYOUT_DECISIONS[input.decision]
  const refuse = (status: string) =>
    conflict("invalid_payout_transition", `A ${status} payout cannot be ${rule.to === "paid" ? "marked paid" : "marked failed"}.`)
  if (!(rule.from as readonly string[]).includes(payout.status)) throw refuse(payout.status)
  const moved = await ledger.transitionPayout(payout.id, [...rule.from], {
    status: rule.to,
    reference: input.reference ?? null,
    failure_reason: rule.to === "failed" ? input.reason ?? null : null,
    decided_by: input.decided_by ?? null,
  })
  if (!moved) {
    const [now] = await ledger.listPayouts({ id: input.payout_id }, { select: ["status"] })
    throw refuse(now?.status ?? "changed")
  }
  return new StepResponse({ payout_id: payout.id, cooperative_id: moved.cooperative_id, amount: Number(moved.amount), period: moved.period, from: payout.status, to: rule.to })
})

export const decidePayoutWorkflow = createWorkflow("decide-payout", (input: DecidePayoutInput) => {
  const decided = decidePayoutStep(input)
  emitEventStep({
    eventName: transform({ decided }, ({ decided }) => `payout.${decided.to}`),
    data: transform({ decided, input }, ({ decided, input }) => ({
      id: decided.payout_id, cooperative_id: decided.cooperative_id, period: decided.period, amount: decided.amount,
      status: decided.to, reference: input.reference ?? null, reason: input.reason ?? null,
    })),
  })
  return new WorkflowResponse(decided)
})
