import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toMedusaVariantUpdate, VariantInput } from "./utils/product-input"
import { assertCooperativeOwnsProductStep } from "./steps/assert-cooperative-owns-product"

export type UpdateCooperativeVariantInput = {
  cooperative_id: string
  product_id: string
  variant_id: string
  /** Price (whole đồng), SKU, barcode, weight, inventory flags; never the packaging name. */
  update: Omit<Partial<VariantInput>, "title">
}

/** A cooperative changes one variant of its product. Prices and stock flags are not moderated: they apply at once. */
export const updateCooperativeVariantWorkflow = createWorkflow(
  "update-cooperative-variant",
  (input: UpdateCooperativeVariantInput) => {
    assertCooperativeOwnsProductStep(input)
    const variants = updateProductVariantsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        selector: { id: input.variant_id, product_id: input.product_id },
        update: toMedusaVariantUpdate(input.update) as any,
      })),
    })
    return new WorkflowResponse(variants)
  }
)
