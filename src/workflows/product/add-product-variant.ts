import { createProductVariantsWorkflow, updateProductOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toMedusaVariant, VariantInput } from "../../lib/product-input"

export type AddProductVariantInput = {
  product_id: string
  /** The product's packaging option and the values it already offers. */
  packaging_option: { id: string; values: string[] }
  variant: VariantInput
}

/** A new packaging for an existing product: the option gains the value, then the variant is created; both or neither. */
export const addProductVariantWorkflow = createWorkflow("add-product-variant", (input: AddProductVariantInput) => {
  updateProductOptionsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      selector: { id: input.packaging_option.id },
      update: { values: [...input.packaging_option.values, input.variant.title] },
    })),
  })
  const variants = createProductVariantsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      product_variants: [{ ...toMedusaVariant(input.variant), product_id: input.product_id } as any],
    })),
  })
  return new WorkflowResponse(variants)
})
