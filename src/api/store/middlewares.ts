import { authenticate, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { STORE_PRODUCT_COOPERATIVE_FIELDS } from "../../workflows/cooperative/read/serialize"
import { validateBody, validateQuery } from "../../lib/validation"
import { requireLineItemOfCart } from "./cart-line-item"
import { productAnswerCache } from "./product-answer-cache"
import { attachQuality, filterByQuality } from "./product-quality"
import { allowSoldByFields, attachSoldBy } from "./sold-by"
import { calculateUnionChoice, expandUnionChoice, listCartShippingOptions, showUnionChoiceAsOneMethod } from "./union-shipping/middlewares"
import { storeReturnMiddlewares } from "./returns/middlewares"
import { CreateReviewBody, StoreListCooperativesQuery, StoreListReviewsQuery } from "./validators"

/** Lets a shopper's orders carry their purchase and their cooperative's public fields. */
function allowPurchaseFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed ??= []
  req.allowed.push("order_group.id", ...STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `cooperative.${f}`))
  next()
}

export const storeMiddlewares: MiddlewareRoute[] = [
  // No method: a method-less middleware is sorted ahead of Medusa's own query validation, which consumes req.allowed.
  // Express mounts it as a prefix, so it serves /store/products and /store/products/:id.
  // The answer cache first: its res.json wrapper is the last to run, so it keeps what the others added.
  { matcher: "/store/products", middlewares: [productAnswerCache, allowSoldByFields(""), filterByQuality, attachQuality, attachSoldBy] },
  // Sold by on cart lines; also serves the completion, whose answer is an order.
  { matcher: "/store/carts", middlewares: [allowSoldByFields("items.product."), attachSoldBy] },
  // One shipping choice per cart is enough (docs/storefront/shipping.md).
  { method: ["GET"], matcher: "/store/shipping-options", middlewares: [listCartShippingOptions] },
  { method: ["POST"], matcher: "/store/shipping-options/:id/calculate", middlewares: [calculateUnionChoice] },
  { method: ["POST"], matcher: "/store/carts/:id/shipping-methods", middlewares: [expandUnionChoice] },
  { matcher: "/store/carts", middlewares: [showUnionChoiceAsOneMethod] },
  { method: ["GET"], matcher: "/store/cooperatives", middlewares: [validateQuery(StoreListCooperativesQuery)] },
  { method: ["POST"], matcher: "/store/reviews", middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(CreateReviewBody)] },
  { method: ["GET"], matcher: "/store/products/:id/reviews", middlewares: [validateQuery(StoreListReviewsQuery)] },
  { method: ["POST", "DELETE"], matcher: "/store/carts/:id/line-items/:line_id", middlewares: [requireLineItemOfCart] },
  // Also method-less, for the same reason: serves /store/orders and /store/orders/:id.
  { matcher: "/store/orders", middlewares: [allowPurchaseFields, allowSoldByFields("", "items.product."), attachSoldBy] },
  // Medusa's route reads any order by id; ours answers a registered customer's order to that customer only.
  { method: ["GET"], matcher: "/store/orders/:id", middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })] },
  ...storeReturnMiddlewares,
]
