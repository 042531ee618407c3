import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../modules/cooperative"
import { ACTIVITY_FIELDS } from "../../../../vendor/activity/helpers"

/** GET /admin/cooperatives/:id/activity?limit=&offset=: the union's view of who did what in a stall. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = (req as unknown as { validatedQuery: { limit: number; offset: number } }).validatedQuery
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  const [activity, count] = await service.listAndCountCooperativeActivities(
    { cooperative_id: cooperative.id },
    { select: ACTIVITY_FIELDS, order: { created_at: "DESC", id: "DESC" }, take: q.limit, skip: q.offset }
  )
  res.json({ activity, count, limit: q.limit, offset: q.offset })
}
