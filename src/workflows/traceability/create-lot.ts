import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"
import { createLotStep } from "./steps/create-lot"

export type CreateCooperativeLotInput = { cooperative_id: string; lot: Record<string, any> & { variant_id: string } }

/** A cooperative opens a draft lot of one of its own variants. */
export const createCooperativeLotWorkflow = createWorkflow("create-cooperative-lot", (input: CreateCooperativeLotInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "variant" as const, id: input.lot.variant_id }] }))
  )
  return new WorkflowResponse(createLotStep(input))
})
