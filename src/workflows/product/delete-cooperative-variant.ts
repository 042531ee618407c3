import { deleteProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { assertCooperativeOwnsProductStep } from "./steps/assert-cooperative-owns-product"

export type DeleteCooperativeVariantInput = { cooperative_id: string; product_id: string; variant_id: string }

const validateNotLastVariantStep = createStep("validate-not-last-variant", async (productId: string, { container }) => {
  const variants = await container.resolve(Modules.PRODUCT).listProductVariants({ product_id: productId }, { select: ["id"] })
  if (variants.length <= 1) throw conflict("last_variant", "A product needs at least one variant; delete the product instead.")
  return new StepResponse(true)
})

/** A cooperative removes one packaging of its product; a product keeps at least one. */
export const deleteCooperativeVariantWorkflow = createWorkflow(
  "delete-cooperative-variant",
  (input: DeleteCooperativeVariantInput) => {
    assertCooperativeOwnsProductStep(input)
    validateNotLastVariantStep(transform({ input }, ({ input }) => input.product_id))
    deleteProductVariantsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.variant_id] })) })
    return new WorkflowResponse({ id: input.variant_id })
  }
)
