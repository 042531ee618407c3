import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { medusaCompleteCart, storeOrderRetrieveQueryConfig as retrieveTransformQueryConfig } from "../../../../../medusa-internals/medusa-routes"
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
