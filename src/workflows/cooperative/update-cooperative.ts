import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCooperativeStep } from "./steps/update-cooperative"
import { validateCooperativeOwnershipStep } from "./steps/validate-cooperative-ownership"

export type UpdateCooperativeInput = { cooperative_id: string; update: Record<string, unknown> }

/**
 * A cooperative's staff change its own profile or bank account. The cooperative changed is always
 * the acting one: an `id` in the update is ignored, and the routes decide which fields may change.
 */
export const updateCooperativeWorkflow = createWorkflow("update-own-cooperative", (input: UpdateCooperativeInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, records: [{ kind: "cooperative" as const, id: input.cooperative_id }] }))
  )
  const cooperative = updateCooperativeStep(
    transform({ input }, ({ input }) => {
      const { id: _id, ...update } = input.update
      return { ...update, id: input.cooperative_id }
    })
  )
  return new WorkflowResponse(cooperative)
})
