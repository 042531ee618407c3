import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../modules/cooperative-return"
import { returnContext, returnView } from "../../store/returns/view"
import type { VendorRequest } from "../tenant"
import type { z } from "zod"
import type { ListReturnsQuery } from "../../store/returns/validators"

/** GET /vendor/returns?status=&limit=&offset=: returns of the cooperative's orders, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof ListReturnsQuery>
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [rows, count] = await service.listAndCountCooperativeReturns(
    { cooperative_id: req.tenant.cooperative.id, ...(q.status ? { status: q.status } : {}) },
    { order: { created_at: "DESC" }, take: q.limit, skip: q.offset }
  )
  const ctx = await returnContext(req.scope, rows)
  res.json({ returns: rows.map((r) => returnView(r, "cooperative", ctx(r))), count, limit: q.limit, offset: q.offset })
}
