import { authenticate, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { STORE_PRODUCT_COOPERATIVE_FIELDS } from "../../lib/serialize"
import { validateBody, validateQuery } from "../../lib/validation"
import { requireLineItemOfCart } from "./cart-line-item"
import { productAnswerCache } from "./product-answer-cache"
import { attachQuality, filterByQuality } from "./product-quality"
import { calculateUnionChoice, expandUnionChoice, listCartShippingOptions, showUnionChoiceAsOneMethod } from "./union-shipping/middlewares"
import { CreateReviewBody, StoreListCooperativesQuery, StoreListReviewsQuery } from "./validators"

/** Lets store product responses carry their cooperative's public fields, and nothing else of it. */
function allowCooperativeFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed ??= []
  req.allowed.push(...STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `cooperative.${f}`))
  next()
}

/** Lets a shopper's orders carry their purchase and their cooperative's public fields. */
function allowPurchaseFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  req.allowed ??= []
  req.allowed.push("order_group.id", ...STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `cooperative.${f}`))
  next()
}

export const storeMiddlewares: MiddlewareRoute[] = [
  // No method: a method-less middleware is sorted ahead of Medusa's own query validation, which consumes req.allowed.
  // Express mounts it as a prefix, so it serves /store/products and /store/products/:id.
  { matcher: "/store/products", middlewares: [productAnswerCache, allowCooperativeFields, filterByQuality, attachQuality] },
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
  { matcher: "/store/orders", middlewares: [allowPurchaseFields] },
]
