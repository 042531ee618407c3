import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError } from "../../lib/errors"
import { cooperativeOcopSummary, productQuality } from "../../lib/quality"
import { STORE_PRODUCT_COOPERATIVE_FIELDS } from "../../lib/serialize"

// "Sold by" through Medusa's own `fields`: the cooperative↔product module link lets a store answer
// carry the seller of a product (`+cooperative.name`), of a cart or order line
// (`+items.product.cooperative.name`). Only the public fields are allowed; naming the cooperative as
// a whole (`*cooperative`, `cooperative.*`) means those public fields, never its bank account.

/** `fields` tokens naming the cooperative at `path` as a whole become its public fields. */
export function expandCooperativeFields(fields: string, paths: string[]): string {
  return fields
    .split(",")
    .flatMap((token) => {
      const modifier = token.match(/^[+ ]*/)![0]
      const body = token.slice(modifier.length)
      for (const path of paths) {
        const whole = `${path}cooperative`
        if (body === whole || body === `*${whole}` || body === `${whole}.*`) {
          // `*x` and `x.*` add to Medusa's defaults; a bare `x` replaces them, as Medusa reads it.
          const prefix = body === whole ? modifier : "+"
          return STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `${prefix}${whole}.${f}`)
        }
      }
      return [token]
    })
    .join(",")
}

const PUBLIC = new Set<string>(STORE_PRODUCT_COOPERATIVE_FIELDS)

/**
 * The first field of the cooperative at a `path` that is not public (`+cooperative.tax_code`,
 * `*items.product.cooperative.users`): Medusa would leave it out silently, but a storefront asking
 * for it is mistaken about what it can get, so it hears so.
 */
export function privateCooperativeField(fields: string, paths: string[]): string | null {
  for (const token of fields.split(",")) {
    if (token.startsWith("-")) continue
    const body = token.replace(/^[+ *]+/, "").replace(/\.\*$/, "")
    for (const path of paths) {
      const prefix = `${path}cooperative.`
      if (body.startsWith(prefix) && !PUBLIC.has(body.slice(prefix.length))) return body
    }
  }
  return null
}

/**
 * Lets the answers of a store route carry the cooperative at each `path` ("" for a product,
 * "items.product." for a cart or an order line). Method-less: Medusa's own query validation, which
 * consumes req.allowed, comes after it.
 */
export function allowSoldByFields(...paths: string[]) {
  const allowed = paths.flatMap((path) => STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `${path}cooperative.${f}`))
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    req.allowed ??= []
    req.allowed.push(...allowed)
    const query = req.query as Record<string, unknown>
    if (typeof query.fields === "string") {
      query.fields = expandCooperativeFields(query.fields, paths)
      const refused = privateCooperativeField(query.fields as string, paths)
      if (refused) {
        const message = `${refused} is not a public field of a cooperative; these are: ${STORE_PRODUCT_COOPERATIVE_FIELDS.join(", ")}.`
        return next(new CoopstallError(400, "invalid_request", message, [{ path: "fields", message }]))
      }
    }
    next()
  }
}

/** Every product object of a store answer: products, and the products of cart and order lines. */
function productsIn(body: any): { products: any[]; lineProducts: any[] } {
  const products = [...(Array.isArray(body?.products) ? body.products : []), ...(body?.product ? [body.product] : [])]
  const holders = [body?.cart, body?.parent, body?.order, ...(Array.isArray(body?.orders) ? body.orders : [])]
  const lineProducts = holders.flatMap((h) => (Array.isArray(h?.items) ? h.items.map((i: any) => i?.product) : []))
  return { products: products.filter(Boolean), lineProducts: lineProducts.filter(Boolean) }
}

/**
 * Completes each seller a store answer carries with its OCOP marks in force: on the cooperative its
 * best stars and how many of its products hold a verified rating, and on a cart or order line's
 * product its own rating (store products carry theirs already, see product-quality.ts). Does
 * nothing, and costs nothing, unless the request asked for the cooperative.
 */
export function attachSoldBy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const send = res.json.bind(res)
  res.json = ((body: any) => {
    const { products, lineProducts } = productsIn(body)
    const sellers = [...products, ...lineProducts].map((p) => p.cooperative).filter((c) => c && typeof c === "object" && c.id)
    if (!sellers.length || res.statusCode >= 400) return send(body)
    const rated = lineProducts.filter((p) => p.cooperative && p.id && !("ocop_rating" in p))
    Promise.all([
      cooperativeOcopSummary(req.scope, [...new Set<string>(sellers.map((c) => c.id))]),
      productQuality(req.scope, [...new Set<string>(rated.map((p) => p.id))]),
    ]).then(
      ([ocop, quality]) => {
        for (const seller of sellers) Object.assign(seller, ocop.get(seller.id))
        for (const product of rated) product.ocop_rating = quality.get(product.id)?.ocop_rating ?? null
        send(body)
      },
      (err) => next(err)
    )
    return res
  }) as any
  next()
}
