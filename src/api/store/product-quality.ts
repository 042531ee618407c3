import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../lib/errors"
import { requestPath } from "../../lib/request-path"
import { productIdsWithQuality, productQuality } from "../../workflows/certification/read/quality"
import { productReviewSummaries } from "../../workflows/review/read/reviews"
import { StoreProductQualityQuery } from "./validators"

// The store's product routes are Medusa's own; these two middlewares add what a cooperative
// marketplace needs: filtering by OCOP stars and certificate, and the quality each product has today.

/** No product can match: an id that never exists keeps Medusa's filter non-empty. */
const NO_PRODUCT = "prod_none"

/** `?ocop_min_stars=4&certificate=vietgap` on GET /store/products becomes an id filter Medusa understands. */
export async function filterByQuality(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const isListing = requestPath(req) === "/store/products"
  if (req.method !== "GET" || !isListing) return next()
  const query = req.query as Record<string, unknown>
  if (query.ocop_min_stars === undefined && query.certificate === undefined) return next()
  const parsed = StoreProductQualityQuery.safeParse({ ocop_min_stars: query.ocop_min_stars, certificate: query.certificate })
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
    return next(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `Invalid query. ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors))
  }
  delete query.ocop_min_stars
  delete query.certificate
  let ids = await productIdsWithQuality(req.scope, { min_stars: parsed.data.ocop_min_stars, certificate: parsed.data.certificate })
  if (query.id !== undefined) {
    const asked = new Set([query.id].flat())
    ids = ids.filter((id) => asked.has(id))
  }
  query.id = ids.length ? ids : [NO_PRODUCT]
  next()
}

/**
 * Everything coopstall adds to a store product: the quality marks in force (`ocop_rating`,
 * `certificates`) and the published-review summary (`average_rating`, `review_count`).
 * Shared by Medusa's product routes (below) and the stall page.
 */
export async function storeProductExtras(scope: MedusaRequest["scope"], productIds: string[]) {
  const [quality, reviews] = await Promise.all([productQuality(scope, productIds), productReviewSummaries(scope, productIds)])
  return new Map(productIds.map((id) => [id, { ...quality.get(id)!, ...reviews.get(id)! }]))
}

/** Adds the quality marks and review summary of `storeProductExtras` to every product in the response. */
export function attachQuality(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET") return next()
  const send = res.json.bind(res)
  res.json = (body?: unknown) => {
    const answer = body as { products?: { id: string }[]; product?: { id: string } } | null | undefined
    const products = answer?.products ?? (answer?.product ? [answer.product] : null)
    if (!products?.length) return send(body)
    storeProductExtras(req.scope, products.map((p) => p.id)).then(
      (extras) => {
        for (const product of products) Object.assign(product, extras.get(product.id))
        send(body)
      },
      (err) => next(err)
    )
    return res
  }
  next()
}
