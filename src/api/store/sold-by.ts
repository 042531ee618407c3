import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../lib/errors"
import { cooperativeOcopSummary, productQuality } from "../../workflows/certification/read/quality"
import { STORE_PRODUCT_COOPERATIVE_FIELDS } from "../../workflows/cooperative/read/serialize"

// "Sold by" through Medusa's own `fields`: the cooperative↔product module link lets a store answer
// carry the seller of a product (`+cooperative.name`), of a cart or order line
// (`+items.product.cooperative.name`). Only the public fields are allowed; naming the cooperative as
// a whole (`*cooperative`, `cooperative.*`) means those public fields, never its bank account.

/** The cooperative's OCOP marks in force, computed (not columns): named in `fields` like its columns. */
const OCOP_FIELDS = ["best_ocop_stars", "ocop_product_count"]
const PUBLIC = new Set<string>([...STORE_PRODUCT_COOPERATIVE_FIELDS, ...OCOP_FIELDS])

export type SoldByFields = {
  /** `fields` as Medusa should read them. */
  fields: string
  /** Whether the answer's cooperatives get their OCOP marks. */
  ocop: boolean
  /** The first private field of a cooperative asked for (`+cooperative.tax_code`), if any. */
  refused: string | null
}

/**
 * Reads the cooperative at each `path` in `fields`: naming it whole (`*cooperative`, `cooperative.*`,
 * `cooperative`) means its public fields and OCOP marks; an OCOP mark named alone becomes the
 * cooperative's id for Medusa (the mark is attached after); any other field of it is refused.
 */
export function soldByFields(fields: string, paths: string[]): SoldByFields {
  let ocop = false
  let refused: string | null = null
  const tokens = fields.split(",").flatMap((token) => {
    const modifier = token.match(/^[+ ]*/)![0]
    const body = token.slice(modifier.length)
    for (const path of paths) {
      const whole = `${path}cooperative`
      if (body === whole || body === `*${whole}` || body === `${whole}.*`) {
        ocop = true
        // `*x` and `x.*` add to Medusa's defaults; a bare `x` replaces them, as Medusa reads it.
        const prefix = body === whole ? modifier : "+"
        return STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `${prefix}${whole}.${f}`)
      }
      const field = body.replace(/^\*/, "").replace(/\.\*$/, "")
      if (!field.startsWith(`${whole}.`)) continue
      const name = field.slice(whole.length + 1)
      if (OCOP_FIELDS.includes(name)) {
        ocop = true
        return [`${field === body ? modifier : "+"}${whole}.id`]
      }
      if (!PUBLIC.has(name)) refused ??= field
    }
    return [token]
  })
  return { fields: tokens.join(","), ocop, refused }
}

/**
 * Lets the answers of a store route carry the cooperative at each `path` ("" for a product,
 * "items.product." for a cart or an order line). Method-less: Medusa's own query validation, which
 * consumes req.allowed, comes after it. A private field is a 400 where Medusa would drop it silently:
 * a storefront asking for it is mistaken about what it can get.
 */
/** Requests whose fields asked for the cooperative's OCOP marks (set by allowSoldByFields, read by attachSoldBy). */
const askedOcop = new WeakSet<MedusaRequest>()

export function allowSoldByFields(...paths: string[]) {
  const allowed = paths.flatMap((path) => STORE_PRODUCT_COOPERATIVE_FIELDS.map((f) => `${path}cooperative.${f}`))
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    req.allowed ??= []
    req.allowed.push(...allowed)
    const query = req.query as Record<string, unknown>
    const single = Array.isArray(query.fields) && query.fields.length === 1 ? query.fields[0] : query.fields
    if (typeof single !== "string" || !single.includes("cooperative")) return next()
    const read = soldByFields(single, paths)
    if (read.refused) {
      const message = `A cooperative's public fields are ${[...PUBLIC].join(", ")}; fields asks for another.`
      return next(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", message, [{ path: "fields", message }]))
    }
    query.fields = read.fields
    if (read.ocop) askedOcop.add(req)
    next()
  }
}

/** Every product object of a store answer: products, and the products of cart and order lines. */
/** A product object in a store answer, the fields read and written here; the rest is Medusa's. */
type AnsweredProduct = { id?: string; cooperative?: { id?: string; [field: string]: unknown } | null; ocop_rating?: unknown; [field: string]: unknown }
type ItemHolder = { items?: unknown } | null | undefined
type StoreAnswer = {
  products?: unknown
  product?: AnsweredProduct
  cart?: ItemHolder
  parent?: ItemHolder
  order?: ItemHolder
  orders?: unknown
} | null | undefined

function productsIn(body: StoreAnswer): { products: AnsweredProduct[]; lineProducts: AnsweredProduct[] } {
  const products: (AnsweredProduct | undefined)[] = [...(Array.isArray(body?.products) ? body.products : []), ...(body?.product ? [body.product] : [])]
  const holders: ItemHolder[] = [body?.cart, body?.parent, body?.order, ...(Array.isArray(body?.orders) ? body.orders : [])]
  const lineProducts = holders.flatMap((h) =>
    Array.isArray(h?.items) ? (h.items as ({ product?: AnsweredProduct } | null)[]).map((i) => i?.product) : []
  )
  return { products: products.filter((p): p is AnsweredProduct => !!p), lineProducts: lineProducts.filter((p): p is AnsweredProduct => !!p) }
}

/**
 * Completes each seller a store answer carries with its OCOP marks in force: on the cooperative, when
 * asked, its best stars and how many of its products hold a verified rating; on a cart or order
 * line's product its own rating (store products carry theirs already, see product-quality.ts).
 * Does nothing, and costs nothing, unless the request asked for the cooperative.
 */
export function attachSoldBy(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const send = res.json.bind(res)
  res.json = (body?: unknown) => {
    const { products, lineProducts } = productsIn(body as StoreAnswer)
    const sellers = [...products, ...lineProducts]
      .map((p) => p.cooperative)
      .filter((c): c is { id: string } => !!c && typeof c === "object" && !!c.id)
    if (!sellers.length || res.statusCode >= 400) return send(body)
    const rated = lineProducts.filter((p) => p.cooperative && p.id && !("ocop_rating" in p))
    const ocop = askedOcop.has(req)
    Promise.all([
      ocop ? cooperativeOcopSummary(req.scope, [...new Set<string>(sellers.map((c) => c.id))]) : Promise.resolve(new Map()),
      productQuality(req.scope, [...new Set<string>(rated.map((p) => p.id!))]),
    ]).then(
      ([summary, quality]) => {
        for (const seller of sellers) Object.assign(seller, summary.get(seller.id))
        for (const product of rated) product.ocop_rating = quality.get(product.id!)?.ocop_rating ?? null
        send(body)
      },
      (err) => next(err)
    )
    return res
  }
  next()
}
