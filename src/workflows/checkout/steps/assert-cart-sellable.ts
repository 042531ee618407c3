import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertVariantsSellable } from "../../../lib/sellable"

/** The status rule once more at completion: a cooperative or product may have changed since the item was added. */
export const assertCartSellableStep = createStep(
  "assert-cart-sellable",
  async ({ cart }: { cart: { items?: { variant_id?: string | null }[] } }, { container }) => {
    await assertVariantsSellable(container, (cart.items ?? []).map((item) => item.variant_id))
    return new StepResponse(undefined)
  }
)
