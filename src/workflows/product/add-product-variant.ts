import { createProductVariantsWorkflow, updateProductOptionValuesOnProductStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../lib/errors"
import { PACKAGING_OPTION, toMedusaVariant, VariantInput } from "./utils/product-input"
import { assertCooperativeOwnsProductStep } from "./steps/assert-cooperative-owns-product"

export type AddProductVariantInput = {
  cooperative_id: string
  product_id: string
  variant: VariantInput
}

/** The product's packaging option, read here rather than trusted from the caller, and the new name checked against its variants. */
const findPackagingOptionStep = createStep(
  "find-packaging-option",
  async (input: { product_id: string; title: string }, { container }) => {
    const [product] = await container
      .resolve(Modules.PRODUCT)
      .listProducts({ id: input.product_id }, { select: ["id"], relations: ["options", "variants"] })
    const variants = product?.variants ?? []
    if (variants.some((v) => (v.title ?? "").toLowerCase() === input.title.toLowerCase())) {
      throw conflict("variant_title_taken", `This product already has a variant "${input.title}".`)
    }
    const options = product?.options ?? []
    const option = options.find((o) => o.title === PACKAGING_OPTION)
    if (!option || options.length !== 1) {
      throw conflict("unsupported_options", `Variants can be added here to products with the single option "${PACKAGING_OPTION}".`)
    }
    return new StepResponse(option.id)
  }
)

/** A new packaging for an existing product: the option gains the value, then the variant is created; both or neither. */
export const addProductVariantWorkflow = createWorkflow("add-product-variant", (input: AddProductVariantInput) => {
  assertCooperativeOwnsProductStep(
    transform({ input }, ({ input }) => ({ cooperative_id: input.cooperative_id, product_id: input.product_id }))
  )
  const optionId = findPackagingOptionStep(transform({ input }, ({ input }) => ({ product_id: input.product_id, title: input.variant.title })))
  updateProductOptionValuesOnProductStep(
    transform({ input, optionId }, ({ input, optionId }) => [
      { product_id: input.product_id, product_option_id: optionId, add: [{ value: input.variant.title }] },
    ])
  )
  const variants = createProductVariantsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      product_variants: [{ ...toMedusaVariant(input.variant), product_id: input.product_id } as any],
    })),
  })
  return new WorkflowResponse(variants)
})
