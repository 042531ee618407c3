import type { MedusaRequest } from "@medusajs/framework/http"
import { requestPath } from "../../lib/request-path"

// Under overload the load gate (src/lib/load-gate.ts) serves these first: a shopper part way through
// a purchase loses the sale to a 503, a shopper still browsing only a page. Creating a cart is not
// among them: a purchase not yet started waits its turn with browsing. Express matches paths
// without regard to case, so neither does this.
const CART = /^\/store\/carts\/[^/]+(\/.*)?$/i
const PAYMENT = /^\/store\/payment-collections(\/.*)?$/i
const ORDER = /^\/store\/orders\/[^/]+$/i
const OPTIONS = /^\/store\/shipping-options(\/[^/]+\/calculate)?$/i

/** A step of a purchase under way: anything on an existing cart, its payment, its delivery choices, the order read back. */
export function continuesPurchase(req: MedusaRequest): boolean {
  const path = requestPath(req)
  if (CART.test(path) || PAYMENT.test(path) || ORDER.test(path)) return true
  return OPTIONS.test(path) && (req.method !== "GET" || typeof req.query?.cart_id === "string")
}

// Small public reads of our own (a few indexed rows each, most kept in memory): a package's trace
// page, opened from its QR code in a market, and a cooperative's page. They get slots of their
// own, so a crowd of purchases or first-time product questions never turns them away.
const LIGHT = /^\/(t\/[^/]+|01\/.+|store\/trace\/[^/]+|store\/cooperatives(\/[^/]+)?)$/i

/** A light read: served by the gate's own small pool of slots. */
export function isLightRead(req: MedusaRequest): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false
  return LIGHT.test(requestPath(req))
}
