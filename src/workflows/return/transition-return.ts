import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService, type ReturnStatus } from "../../modules/cooperative-return"
import { RETURN_EVENTS, returnEventData } from "./events"

export type ReturnAction = "accept" | "refuse" | "escalate" | "decide"

export type TransitionReturnInput = {
  return_id: string
  action: ReturnAction
  actor_id: string
  note?: string | null
  /** decide only: the union's decision on an escalated return. */
  decision?: "accept" | "refuse"
}

const RULES: Record<ReturnAction, { from: ReturnStatus[]; what: string }> = {
  accept: { from: ["requested"], what: "Only a requested return can be accepted" },
  refuse: { from: ["requested"], what: "Only a requested return can be refused" },
  escalate: { from: ["refused"], what: "Only a return the cooperative refused can be escalated to the union" },
  decide: { from: ["escalated"], what: "Only an escalated return can be decided by the union" },
}

/** The status change and who made it, applied only if the return is still where the rule starts (one conditional update). */
const transitionReturnStep = createStep("transition-cooperative-return", async (input: TransitionReturnInput, { container }) => {
  const service: CooperativeReturnModuleService = container.resolve(COOPERATIVE_RETURN_MODULE)
  const [before] = await service.listCooperativeReturns({ id: input.return_id })
  if (!before) throw notFound("Return", input.return_id)
  const rule = RULES[input.action]
  const now = new Date()
  const patch =
    input.action === "accept" || input.action === "refuse"
      ? { status: (input.action === "accept" ? "accepted" : "refused") as ReturnStatus, cooperative_note: input.note ?? null, decided_by: input.actor_id, decided_at: now }
      : input.action === "escalate"
        ? { status: "escalated" as ReturnStatus, escalation_note: input.note ?? null, escalated_at: now }
        : {
            status: (input.decision === "accept" ? "accepted" : "rejected") as ReturnStatus,
            union_decision: input.decision,
            union_note: input.note ?? null,
            union_decided_by: input.actor_id,
            union_decided_at: now,
          }
  const applied = await service.transition(input.return_id, rule.from, patch)
  if (!applied) {
    const [now] = await service.listCooperativeReturns({ id: input.return_id }, { select: ["status"] })
    throw conflict("invalid_return_status", `${rule.what}; this one is ${now?.status ?? before.status}.`)
  }
  const [after] = await service.listCooperativeReturns({ id: input.return_id })
  return new StepResponse(after, { id: input.return_id, previous: before })
}, async (undo, { container }) => {
  if (!undo) return
  const p = undo.previous
  await (container.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).updateCooperativeReturns({
    id: undo.id, status: p.status, cooperative_note: p.cooperative_note, decided_by: p.decided_by, decided_at: p.decided_at,
    escalation_note: p.escalation_note, escalated_at: p.escalated_at, union_decision: p.union_decision, union_note: p.union_note,
    union_decided_by: p.union_decided_by, union_decided_at: p.union_decided_at,
  })
})

const EVENT_OF: Record<ReturnAction, string> = {
  accept: RETURN_EVENTS.accepted,
  refuse: RETURN_EVENTS.refused,
  escalate: RETURN_EVENTS.escalated,
  decide: RETURN_EVENTS.decided,
}
const ACTOR_OF = { accept: "cooperative", refuse: "cooperative", escalate: "customer", decide: "union" } as const

/** The cooperative accepts or refuses, the shopper escalates a refusal, the union decides; each change emits its event. */
export const transitionReturnWorkflow = createWorkflow("transition-cooperative-return", (input: TransitionReturnInput) => {
  const updated = transitionReturnStep(input)
  const event = transform({ input, updated }, ({ input, updated }) => ({
    name: EVENT_OF[input.action],
    data: returnEventData(updated, { actor: ACTOR_OF[input.action], actor_id: input.actor_id, note: input.note ?? null, decision: input.decision }),
  }))
  emitEventStep(transform({ event }, ({ event }) => ({ eventName: event.name, data: event.data })))
  return new WorkflowResponse(updated)
})
