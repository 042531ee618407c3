import { deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../../modules/product-revision"
import { assertCooperativeOwnsProductStep } from "./steps/assert-cooperative-owns-product"
import { recordProductRevisionStep } from "./steps/record-product-revision"

export type DeleteCooperativeProductInput = { cooperative_id: string; product_id: string }

const findPendingRevisionStep = createStep("find-pending-revision", async (productId: string, { container }) => {
  const pending = await (container.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).pendingRevision(productId)
  return new StepResponse((pending?.id as string | undefined) ?? null)
})

/** A cooperative deletes its own product; a revision still waiting for it leaves the union's queue. */
export const deleteCooperativeProductWorkflow = createWorkflow(
  "delete-cooperative-product",
  (input: DeleteCooperativeProductInput) => {
    assertCooperativeOwnsProductStep(input)
    const pendingId = findPendingRevisionStep(transform({ input }, ({ input }) => input.product_id))
    recordProductRevisionStep(
      transform({ input, pendingId }, ({ input, pendingId }) => ({
        product_id: input.product_id,
        cooperative_id: input.cooperative_id,
        close: pendingId ? { id: pendingId, status: "withdrawn" as const } : null,
        changes: null,
      }))
    )
    deleteProductsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.product_id] })) })
    return new WorkflowResponse({ id: input.product_id })
  }
)
