import { addToCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertVariantsSellable } from "../checkout/read/sellable"
import type { UpdateLineItemInCartWorkflowInputDTO } from "@medusajs/framework/types"

/** What the quantity check reads of the cart Medusa's workflow loaded. */
type CartItems = { items?: { id: string; variant_id?: string | null }[] | null }

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
  const { item_id, update } = input as UpdateLineItemInCartWorkflowInputDTO
  const item = (cart as CartItems).items?.find((i) => i.id === item_id)
  if (item && Number(update?.quantity ?? 0) > 0) await assertVariantsSellable(container, [item.variant_id])
})
