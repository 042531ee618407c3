import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assertVariantsSellable } from "../checkout/read/sellable"
import { completeCooperativeCartWorkflow } from "../checkout/complete-cooperative-cart"

/**
 * What callers in code may pass to Medusa's completeCartWorkflow besides the cart's id. No HTTP
 * route passes anything but `{ id }` (ours replaces Medusa's store route), so only code can ask.
 */
export type CompleteCartInput = {
  id: string
  /** Medusa's own single order for the whole cart, not split by cooperative (a measurement's baseline). */
  single_order?: boolean
}

/**
 * Medusa runs its own completeCartWorkflow where our route is not involved: a payment provider's
 * webhook (processPaymentWorkflow, e.g. Stripe's payment_intent.amount_capturable_updated after a
 * 3-D Secure confirmation whose tab the shopper closed). That cart is completed exactly as
 * POST /store/carts/:id/complete completes it: one order per cooperative, one purchase with the
 * shares. Medusa's workflow holds the cart's lock here, the same lock our route takes, so the two
 * never complete one cart at once; whichever comes second finds the purchase and makes nothing.
 *
 * A hook cannot tell Medusa's workflow to skip its own order, so once the purchase is placed the
 * hook stops it with an error. What that stop undoes is harmless: the cart's lock is released and
 * Medusa's payment compensation sees the cart's orders and refunds nothing; processPaymentWorkflow
 * runs the completion with continueOnPermanentFailure, so the webhook's capture stands. The event
 * bus still logs that stop as an error of payment.webhook_received, with the message below.
 */
completeCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const cartId: string = (cart as { id: string }).id
  if ((input as CompleteCartInput).single_order) {
    await assertVariantsSellable(container, ((cart as { items?: { variant_id?: string | null }[] | null }).items ?? []).map((item) => item.variant_id))
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "order_group", fields: ["id"], filters: { cart_id: cartId } })
  // Already a purchase: Medusa's workflow found the orders linked to the cart and creates nothing.
  if (existing.length) return

  const { result } = await completeCooperativeCartWorkflow(container).run({ input: { id: cartId, cart_locked_by_caller: true } })
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Cart ${cartId} was completed by the marketplace as purchase ${result.order_group_id} ` +
      `(${result.order_ids.length} order${result.order_ids.length === 1 ? "" : "s"}); this stops Medusa's own single-order completion, nothing failed.`
  )
})
