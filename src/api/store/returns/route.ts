import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../modules/cooperative-return"
import { returnContext, returnView } from "./view"
import type { z } from "zod"
import type { ListReturnsQuery } from "./validators"

/** GET /store/returns?status=&limit=&offset=: the signed-in shopper's returns, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof ListReturnsQuery>
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [rows, count] = await service.listAndCountCooperativeReturns(
    { customer_id: req.auth_context.actor_id, ...(q.status ? { status: q.status } : {}) },
    { order: { created_at: "DESC" }, take: q.limit, skip: q.offset }
  )
  const ctx = await returnContext(req.scope, rows)
  res.json({ returns: rows.map((r) => returnView(r, "customer", ctx(r))), count, limit: q.limit, offset: q.offset })
}
