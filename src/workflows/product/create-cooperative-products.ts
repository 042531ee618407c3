import { createProductsWorkflow, createRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { CreateProductWorkflowInputDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, isSelling } from "../../modules/cooperative"
import { setCooperativeProductsListedStep } from "../cooperative/steps/set-cooperative-products-listed"

export type CreateCooperativeProductsInput = {
  cooperative_id: string
  products: CreateProductWorkflowInputDTO[]
}

export const createCooperativeProductsWorkflow = createWorkflow(
  "create-cooperative-products",
  (input: CreateCooperativeProductsInput) => {
    const { data: cooperatives } = useQueryGraphStep({
      entity: "cooperative",
      fields: ["status", "shipping_profile.id"],
      filters: { id: input.cooperative_id },
    }).config({ name: "load-cooperative" })
    // A cooperative's products always ship under its own profile, whatever the caller passed.
    const products = createProductsWorkflow.runAsStep({
      input: transform({ input, cooperatives }, ({ input, cooperatives }) => ({
        products: input.products.map((p) => ({
          ...p,
          shipping_profile_id: cooperatives[0]?.shipping_profile?.id ?? p.shipping_profile_id,
        })),
      })),
    })
    const productIds = transform({ products }, ({ products }) => products.map((p) => p.id))
    createRemoteLinkStep(
      transform({ productIds, input }, ({ productIds, input }) =>
        productIds.map((product_id) => ({
          [COOPERATIVE_MODULE]: { cooperative_id: input.cooperative_id },
          [Modules.PRODUCT]: { product_id },
        }))
      )
    )
    // Read inside the workflow, so the products are listed exactly when the cooperative sells now.
    when("cooperative-is-selling", { cooperatives }, ({ cooperatives }) => isSelling(cooperatives[0]?.status)).then(() => {
      setCooperativeProductsListedStep(
        transform({ input, productIds }, ({ input, productIds }) => ({
          cooperative_id: input.cooperative_id,
          listed: true,
          product_ids: productIds,
        }))
      )
    })
    return new WorkflowResponse(products)
  }
)
