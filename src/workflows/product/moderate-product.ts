import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { cooperativeIdsOfProducts } from "../../lib/ownership"
import { COOPERATIVE_MODULE, CooperativeModuleService, isSelling } from "../../modules/cooperative"

export type ModerateProductInput = {
  product_id: string
  decision: "publish" | "reject"
  reason?: string
  admin_id: string
}

const validateProductModerationStep = createStep(
  "validate-product-moderation",
  async (input: ModerateProductInput, { container }) => {
    const [product] = await container.resolve(Modules.PRODUCT).listProducts({ id: input.product_id }, { select: ["id", "status", "metadata"] })
    if (!product) throw notFound("Product", input.product_id)
    const cooperativeId = (await cooperativeIdsOfProducts(container, [product.id])).get(product.id)
    if (!cooperativeId) {
      throw conflict("product_has_no_cooperative", "This product belongs to no cooperative; moderate it through Medusa's product routes.")
    }
    const [cooperative] = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: cooperativeId })
    if (input.decision === "publish" && !isSelling(cooperative.status)) {
      throw conflict(
        "cooperative_not_approved",
        `${cooperative.name} is ${cooperative.status}; its products can be published once the cooperative is approved.`
      )
    }
    const target = input.decision === "publish" ? ProductStatus.PUBLISHED : ProductStatus.REJECTED
    if (product.status === target) {
      throw conflict("already_" + target, `The product is already ${target}.`)
    }
    if (product.status === ProductStatus.DRAFT) {
      throw conflict("product_is_draft", "The cooperative has not submitted this product yet (it is a draft).")
    }
    return new StepResponse({ product, target })
  }
)

/** Union moderation of a cooperative's product: publish it, or reject it with a reason the cooperative sees. */
export const moderateProductWorkflow = createWorkflow("moderate-product", (input: ModerateProductInput) => {
  const { product, target } = validateProductModerationStep(input)
  const updated = updateProductsWorkflow.runAsStep({
    input: transform({ input, product, target }, ({ input, product, target }) => ({
      selector: { id: input.product_id },
      update: {
        status: target,
        metadata: {
          ...(product.metadata ?? {}),
          moderation: {
            decision: input.decision,
            reason: input.reason ?? null,
            by: input.admin_id,
            at: new Date().toISOString(),
          },
        },
      },
    })),
  })
  return new WorkflowResponse(updated)
})
