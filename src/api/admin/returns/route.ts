import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../modules/cooperative-return"
import { returnContext, returnView } from "../../store/returns/view"
import type { z } from "zod"
import type { AdminListReturnsQuery } from "./middlewares"

/** GET /admin/returns?status=&cooperative_id=&limit=&offset=: every return, newest first (`status=escalated`: the union's queue). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof AdminListReturnsQuery>
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [rows, count] = await service.listAndCountCooperativeReturns(
    { ...(q.status ? { status: q.status } : {}), ...(q.cooperative_id ? { cooperative_id: q.cooperative_id } : {}) },
    { order: { created_at: "DESC" }, take: q.limit, skip: q.offset }
  )
  const ctx = await returnContext(req.scope, rows)
  res.json({ returns: rows.map((r) => returnView(r, "union", ctx(r))), count, limit: q.limit, offset: q.offset })
}
