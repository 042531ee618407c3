import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { retrieveTransformQueryConfig } from "@medusajs/medusa/api/store/orders/query-config"

/**
 * The checkout baseline of `npm run bench`: Medusa's own completion, one order for the whole cart,
 * answered as Medusa's POST /store/carts/:id/complete answers. `single_order` asks the app's hook
 * on completeCartWorkflow (src/workflows/hooks/complete-cart-as-marketplace.ts) for Medusa's
 * order instead of the marketplace's purchase; no HTTP route of the app passes it.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const input = { id: req.params.id, single_order: true }
  const { result } = await completeCartWorkflow(req.scope).run({ input })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: retrieveTransformQueryConfig.defaults, filters: { id: result.id } })
  res.status(200).json({ type: "order", order: data[0] })
}
