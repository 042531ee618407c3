import { createProductVariantsWorkflow, updateProductOptionValuesOnProductStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { toMedusaVariant, VariantInput } from "../../lib/product-input"

export type AddProductVariantInput = {
  product_id: string
  /** The product's packaging option. */
  packaging_option_id: string
  variant: VariantInput
}

/** A new packaging for an existing product: the option gains the value, then the variant is created; both or neither. */
export const addProductVariantWorkflow = createWorkflow("add-product-variant", (input: AddProductVariantInput) => {
  updateProductOptionValuesOnProductStep(
    transform({ input }, ({ input }) => [
      { product_id: input.product_id, product_option_id: input.packaging_option_id, add: [{ value: input.variant.title }] },
    ])
  )
  const variants = createProductVariantsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      product_variants: [{ ...toMedusaVariant(input.variant), product_id: input.product_id } as any],
    })),
  })
  return new WorkflowResponse(variants)
})
