import { createEntitiesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { CooperativeRecord, validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type CreateCooperativeTraceEventInput = { cooperative_id: string; lot_id: string; event: Record<string, any> & { corrects_event_id?: string | null } }

/** A cooperative records a step of one of its lots; a correction must name an event of that same lot. */
export const createCooperativeTraceEventWorkflow = createWorkflow(
  "create-cooperative-trace-event",
  (input: CreateCooperativeTraceEventInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => {
        const records: CooperativeRecord[] = [{ kind: "lot", id: input.lot_id }]
        if (input.event.corrects_event_id) records.push({ kind: "trace_event", id: input.event.corrects_event_id, lot_id: input.lot_id })
        return { cooperative_id: input.cooperative_id, records }
      })
    )
    const created = createEntitiesStep({
      moduleRegistrationName: TRACEABILITY_MODULE,
      invokeMethod: "createTraceEvents",
      compensateMethod: "deleteTraceEvents",
      data: transform({ input }, ({ input }) => {
        const { lot_id: _lot, id: _id, ...event } = input.event
        return [{ ...event, lot_id: input.lot_id }]
      }),
    })
    return new WorkflowResponse(transform({ created }, ({ created }) => created[0]))
  }
)
