import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { cooperativeProductIds, cooperativeStockLocationId } from "../../../../workflows/cooperative/read/ownership"
import { privateCooperative, publicUser } from "../../../../workflows/cooperative/read/serialize"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../modules/cooperative"

/** GET /admin/cooperatives/:id: profile, staff, status history, warehouse and product count. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id }, { relations: ["users", "status_changes"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  const [productIds, locationId] = await Promise.all([
    cooperativeProductIds(req.scope, cooperative.id),
    cooperativeStockLocationId(req.scope, cooperative.id),
  ])
  res.json({
    cooperative: {
      ...privateCooperative(cooperative),
      stock_location_id: locationId,
      product_count: productIds.length,
      users: cooperative.users.map(publicUser),
      status_history: [...cooperative.status_changes]
        .sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
        .map(({ from_status, to_status, reason, actor_type, actor_id, created_at }) => ({
          from_status, to_status, reason, actor_type, actor_id, created_at,
        })),
    },
  })
}
