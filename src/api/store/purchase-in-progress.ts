import type { MedusaRequest } from "@medusajs/framework/http"

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
  const path = req.originalUrl.split("?")[0].replace(/\/$/, "")
  if (CART.test(path) || PAYMENT.test(path) || ORDER.test(path)) return true
  return OPTIONS.test(path) && (req.method !== "GET" || typeof req.query?.cart_id === "string")
}
