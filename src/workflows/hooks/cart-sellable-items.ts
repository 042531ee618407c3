import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { CoopstallError } from "../../lib/errors"
import { assertVariantsSellable } from "../../lib/sellable"

// Status is enforced at every step a shopper takes: creating a cart with items, adding an item,
// changing a quantity, and completing the purchase.

createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertVariantsSellable(container, (input.items ?? []).map((item: any) => item.variant_id))
})

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertVariantsSellable(container, (input.items ?? []).map((item: any) => item.variant_id))
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const item = (cart as any).items?.find((i: any) => i.id === (input as any).item_id)
  if (item && (input as any).update?.quantity > 0) await assertVariantsSellable(container, [item.variant_id])
})

completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  // Medusa's own completion would make one order for all cooperatives. The store route runs the
  // marketplace's completion instead, but Medusa also completes carts from payment webhooks
  // (processPaymentWorkflow); refused here, such a cart is completed by the shopper's own call.
  // Only the benchmark turns it on, as its baseline.
  if (process.env.COOPSTALL_BENCH_VANILLA !== "1") {
    throw new CoopstallError(
      409,
      "marketplace_completion_required",
      "Carts are completed with POST /store/carts/:id/complete, which makes one order per cooperative."
    )
  }
  await assertVariantsSellable(container, ((cart as any).items ?? []).map((item: any) => item.variant_id))
})
