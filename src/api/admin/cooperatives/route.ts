import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { privateCooperative } from "../../../workflows/cooperative/read/serialize"
import type { z } from "zod"
import type { AdminListCooperativesQuery } from "../validators"

/** GET /admin/cooperatives?status=&province=&q=: the union's register of cooperatives. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, province, q } = req.validatedQuery as z.infer<typeof AdminListCooperativesQuery>
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (province) filters.province = province
  if (q) filters.$or = [{ name: { $ilike: `%${q}%` } }, { tax_code: { $ilike: `%${q}%` } }, { handle: { $ilike: `%${q}%` } }]
  const [cooperatives, count] = await service.listAndCountCooperatives(filters, {
    skip: offset,
    take: limit,
    order: { created_at: "DESC" },
  })
  res.json({ cooperatives: cooperatives.map(privateCooperative), count, limit, offset })
}
