import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../../../modules/product-revision"

export type DecideProductRevisionInput = {
  id: string
  status: "published" | "rejected"
  reason?: string | null
  decided_by: string
}

/** The union's decision on a waiting revision; undone by making it wait again. */
export const decideProductRevisionStep = createStep(
  "decide-product-revision",
  async (input: DecideProductRevisionInput, { container }) => {
    const revisions: ProductRevisionModuleService = container.resolve(PRODUCT_REVISION_MODULE)
    const decided = await revisions.updateProductRevisions({
      id: input.id,
      status: input.status,
      reason: input.reason ?? null,
      decided_by: input.decided_by,
      decided_at: new Date(),
    })
    return new StepResponse(decided, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).updateProductRevisions({
      id,
      status: "pending",
      reason: null,
      decided_by: null,
      decided_at: null,
    })
  }
)
