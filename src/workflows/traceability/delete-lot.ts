import { deleteEntitiesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { TRACEABILITY_MODULE } from "../../modules/traceability"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type DeleteCooperativeLotInput = { cooperative_id: string; id: string }

/** A cooperative deletes one of its lots with its events (the route checks it is still a draft). */
export const deleteCooperativeLotWorkflow = createWorkflow("delete-cooperative-lot", (input: DeleteCooperativeLotInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "lot" as const, id: input.id }] }))
  )
  deleteEntitiesStep({
    moduleRegistrationName: TRACEABILITY_MODULE,
    invokeMethod: "softDeleteLots",
    compensateMethod: "restoreLots",
    data: transform({ input }, ({ input }) => [input.id]),
  })
  return new WorkflowResponse(input.id)
})
