import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { publicCooperative } from "../../../lib/serialize"

/** GET /store/cooperatives?province=&q=: the stall directory, approved cooperatives only. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, province, q } = req.validatedQuery as any
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const filters: Record<string, unknown> = { status: "approved" }
  if (province) filters.province = province
  if (q) filters.name = { $ilike: `%${q}%` }
  const [cooperatives, count] = await service.listAndCountCooperatives(filters, {
    skip: offset,
    take: limit,
    order: { name: "ASC" },
  })
  res.json({ cooperatives: cooperatives.map(publicCooperative), count, limit, offset })
}
