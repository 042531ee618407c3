import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refetchCart } from "../../../../../medusa-internals/medusa-routes"
import { completeCooperativeCartWorkflow } from "../../../../../workflows/checkout/complete-cooperative-cart"
import { purchaseOrders, purchasesOf } from "../../../orders/helpers"
import { errorFields } from "../../../../../lib/errors"

// Replaces Medusa's route at the same path (project routes are registered last), answering in its
// shape: `{ type: "order", order }` on success, so @medusajs/js-sdk storefronts keep working, plus
// `order_group` with every cooperative's order. `order` is the whole purchase as one Medusa order,
// under its first cooperative's order id: what GET /store/orders/:id answers for it afterwards.
const PAYMENT_ERRORS = [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR]

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const cartId = req.params.id
  const { result, errors } = await completeCooperativeCartWorkflow(req.scope).run({
    input: { id: cartId },
    throwOnError: false,
  })
  const thrown = errors?.[0]?.error
  if (thrown) {
    const error = errorFields(thrown)
    if (!PAYMENT_ERRORS.includes(String(error.type))) throw thrown
    const cart = await refetchCart(cartId, req.scope, ["id", "*items", "total", "*payment_collection"])
    return res.status(200).json({ type: "cart", cart, error: { message: error.message, name: error.name, type: error.type } })
  }

  const purchase = (await purchasesOf(req.scope, [result.order_ids[0]])).get(result.order_ids[0])!
  const order = (await purchaseOrders(req.scope, [purchase], req.queryConfig.fields, { list: false })).get(purchase.id)
  res.status(200).json({ type: "order", order, order_group: order!.purchase })
}
