import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../../lib/errors"
import { ownedProductIds, ownedVariantProductId } from "../../cooperative/read/ownership"

export type CooperativeOwnershipInput = {
  cooperative_id: string
  product_id: string
  /** When given, the variant must be one of this product's. */
  variant_id?: string
}

/**
 * The first step of every workflow that writes a cooperative's product or variant. The tenant
 * middleware checks the same before the route runs; this second check means a route that a rule
 * missed still cannot write another cooperative's data. Foreign and unknown ids answer the same 404.
 */
export const assertCooperativeOwnsProductStep = createStep(
  "assert-cooperative-owns-product",
  async (input: CooperativeOwnershipInput, { container }) => {
    if (!input.cooperative_id || !(await ownedProductIds(container, input.cooperative_id, [input.product_id])).length) {
      throw notFound("Product", input.product_id)
    }
    if (input.variant_id !== undefined) {
      if ((await ownedVariantProductId(container, input.cooperative_id, input.variant_id)) !== input.product_id) {
        throw notFound("Variant", input.variant_id)
      }
    }
    return new StepResponse(true)
  }
)
