import { addToCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsSellable } from "../../lib/sellable"

// Status is enforced at every step a shopper takes: creating a cart with items, adding an item,
// changing a quantity, and completing the purchase (the completion re-checks: the marketplace's
// in its assertCartSellableStep, Medusa's in complete-cart-as-marketplace.ts).

createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertVariantsSellable(container, (input.items ?? []).map((item) => item.variant_id))
})

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await assertVariantsSellable(container, (input.items ?? []).map((item) => item.variant_id))
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const item = (cart as any).items?.find((i) => i.id === (input as any).item_id)
  if (item && (input as any).update?.quantity > 0) await assertVariantsSellable(container, [item.variant_id])
})
