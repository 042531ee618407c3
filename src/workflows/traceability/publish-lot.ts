import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { updateLotStep } from "./steps/update-lot"

export type PublishCooperativeLotInput = { cooperative_id: string; id: string }

/** A cooperative makes one of its lots public (the route checks the lot is ready). */
export const publishCooperativeLotWorkflow = createWorkflow("publish-cooperative-lot", (input: PublishCooperativeLotInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "lot" as const, id: input.id }] }))
  )
  const lot = updateLotStep(transform({ input }, ({ input }) => ({ id: input.id, status: "published", published_at: new Date() })))
  return new WorkflowResponse(lot)
})
