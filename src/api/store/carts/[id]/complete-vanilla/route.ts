import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST as medusaCompleteCart } from "@medusajs/medusa/api/store/carts/[id]/complete/route"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/store/orders/query-config"
import { notFound } from "../../../../../lib/errors"

/**
 * Benchmark baseline only (`npm run bench` sets COOPSTALL_BENCH_VANILLA=1): Medusa's own cart
 * completion, one order for the whole cart, which the marketplace's route replaces. Absent otherwise.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  if (process.env.COOPSTALL_BENCH_VANILLA !== "1") throw notFound("Route")
  ;(req as any).queryConfig = { fields: retrieveTransformQueryConfig.defaults, pagination: {} }
  return medusaCompleteCart(req as any, res as any)
}
