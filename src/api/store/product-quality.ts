import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError } from "../../lib/errors"
import { productIdsWithQuality, productQuality } from "../../lib/quality"
import { StoreProductQualityQuery } from "./validators"

// The store's product routes are Medusa's own; these two middlewares add what a cooperative
// marketplace needs: filtering by OCOP stars and certificate, and the quality each product has today.

/** No product can match: an id that never exists keeps Medusa's filter non-empty. */
const NO_PRODUCT = "prod_none"

/** `?ocop_min_stars=4&certificate=vietgap` on GET /store/products becomes an id filter Medusa understands. */
export async function filterByQuality(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const isListing = req.originalUrl.split("?")[0].replace(/\/$/, "") === "/store/products"
  if (req.method !== "GET" || !isListing) return next()
  const query = req.query as Record<string, any>
  if (query.ocop_min_stars === undefined && query.certificate === undefined) return next()
  const parsed = StoreProductQualityQuery.safeParse({ ocop_min_stars: query.ocop_min_stars, certificate: query.certificate })
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
    return next(new CoopstallError(400, "invalid_request", `Invalid query. ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors))
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

/** Adds `ocop_rating` and `certificates` (in force right now, or null and []) to every product in the response. */
export function attachQuality(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET") return next()
  const send = res.json.bind(res)
  res.json = ((body: any) => {
    const products: any[] | null = body?.products ?? (body?.product ? [body.product] : null)
    if (!products?.length) return send(body)
    productQuality(req.scope, products.map((p) => p.id)).then(
      (quality) => {
        for (const product of products) Object.assign(product, quality.get(product.id))
        send(body)
      },
      (err) => next(err)
    )
    return res
  }) as any
  next()
}
