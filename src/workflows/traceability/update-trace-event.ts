import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { updateTraceEventStep } from "./steps/update-trace-event"

export type UpdateCooperativeTraceEventInput = { cooperative_id: string; lot_id: string; id: string; update: Record<string, unknown> }

/** A cooperative edits a step of one of its lots (the route checks the lot is still a draft). */
export const updateCooperativeTraceEventWorkflow = createWorkflow(
  "update-cooperative-trace-event",
  (input: UpdateCooperativeTraceEventInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [{ kind: "trace_event" as const, id: input.id, lot_id: input.lot_id }],
      }))
    )
    // The event stays on its lot: the update cannot move it or change its id.
    const event = updateTraceEventStep(
      transform({ input }, ({ input }) => {
        const { id: _id, lot_id: _lot, lot: _lotRef, ...update } = input.update as Record<string, unknown>
        return { ...update, id: input.id }
      })
    )
    return new WorkflowResponse(event)
  }
)
