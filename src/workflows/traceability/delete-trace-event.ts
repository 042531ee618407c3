import { deleteEntitiesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type DeleteCooperativeTraceEventInput = { cooperative_id: string; lot_id: string; id: string }

/** A cooperative removes a step of one of its lots (the route checks the lot is still a draft). */
export const deleteCooperativeTraceEventWorkflow = createWorkflow(
  "delete-cooperative-trace-event",
  (input: DeleteCooperativeTraceEventInput) => {
    validateCooperativeOwnershipStep(
      transform({ input }, ({ input }) => ({
        cooperative_id: input.cooperative_id,
        records: [{ kind: "trace_event" as const, id: input.id, lot_id: input.lot_id }],
      }))
    )
    deleteEntitiesStep({
      moduleRegistrationName: TRACEABILITY_MODULE,
      invokeMethod: "softDeleteTraceEvents",
      compensateMethod: "restoreTraceEvents",
      data: transform({ input }, ({ input }) => [input.id]),
    })
    return new WorkflowResponse(input.id)
  }
)
