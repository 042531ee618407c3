import { createProductsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import type { CreateProductWorkflowInputDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE } from "../../modules/cooperative"
import { setCooperativeProductsListedStep } from "../cooperative/steps/set-cooperative-products-listed"

export type CreateCooperativeProductsInput = {
  cooperative_id: string
  /** Whether the cooperative is approved, so its products belong in the marketplace channel. */
  listed: boolean
  products: CreateProductWorkflowInputDTO[]
}

export const createCooperativeProductsWorkflow = createWorkflow(
  "create-cooperative-products",
  (input: CreateCooperativeProductsInput) => {
    const products = createProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ products: input.products })),
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
    when("cooperative-is-selling", { input }, ({ input }) => input.listed).then(() => {
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
