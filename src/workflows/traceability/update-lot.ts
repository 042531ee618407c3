import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { updateLotStep } from "./steps/update-lot"

export type UpdateCooperativeLotInput = { cooperative_id: string; id: string; update: Record<string, unknown> }

/** A cooperative edits the details of one of its lots (the route decides whether the lot may still change). */
export const updateCooperativeLotWorkflow = createWorkflow("update-cooperative-lot", (input: UpdateCooperativeLotInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "lot" as const, id: input.id }] }))
  )
  // The id and owner come from the input, never from the update itself.
  const lot = updateLotStep(
    transform({ input }, ({ input }) => {
      const { id: _id, cooperative_id: _owner, ...update } = input.update as Record<string, unknown>
      return { ...update, id: input.id }
    })
  )
  return new WorkflowResponse(lot)
})
