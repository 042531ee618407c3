import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import type { VendorRequest } from "../tenant"
import { ACTIVITY_FIELDS } from "./helpers"

type ActivityQuery = { limit: number; offset: number; record_id?: string; actor_type?: "cooperative_user" | "union_admin" }


/** GET /vendor/activity?record_id=&actor_type=&limit=&offset=: who did what in the stall, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const q = (req as unknown as { validatedQuery: ActivityQuery }).validatedQuery
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [activity, count] = await service.listAndCountCooperativeActivities(
    {
      cooperative_id: req.tenant.cooperative.id,
      ...(q.record_id ? { record_id: q.record_id } : {}),
      ...(q.actor_type ? { actor_type: q.actor_type } : {}),
    },
    { select: ACTIVITY_FIELDS, order: { created_at: "DESC", id: "DESC" }, take: q.limit, skip: q.offset }
  )
  res.json({ activity, count, limit: q.limit, offset: q.offset })
}
