import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { formatVnd, MAX_VND } from "../../../lib/money"
import { assertVariantsSellable } from "../read/sellable"

/**
 * The status rule once more at completion: a cooperative or product may have changed since the item
 * was added. And the purchase must fit the one money maximum the database stores (MAX_VND), or it
 * would fail as a 500 after the payment was authorised.
 */
export const assertCartSellableStep = createStep(
  "assert-cart-sellable",
  async ({ cart }: { cart: { total?: unknown; items?: { variant_id?: string | null }[] } }, { container }) => {
    if (Number(cart.total ?? 0) > MAX_VND) {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "purchase_too_large", `A purchase can be at most ${formatVnd(MAX_VND)}; split it into several.`)
    }
    await assertVariantsSellable(container, (cart.items ?? []).map((item) => item.variant_id))
    return new StepResponse(undefined)
  }
)
