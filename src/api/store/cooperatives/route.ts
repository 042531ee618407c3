import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { cooperativeCertificates, cooperativeOcopSummary } from "../../../workflows/certification/read/quality"
import { cooperativeReviewSummaries } from "../../../workflows/review/read/reviews"
import { publicCooperative } from "../../../workflows/cooperative/read/serialize"
import type { z } from "zod"
import type { StoreListCooperativesQuery } from "../validators"

/** GET /store/cooperatives?province=&q=: the stall directory, approved cooperatives only, with the quality marks in force. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, province, q } = req.validatedQuery as z.infer<typeof StoreListCooperativesQuery>
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const filters: Record<string, unknown> = { status: "approved" }
  if (province) filters.province = province
  if (q) filters.name = { $ilike: `%${q}%` }
  const [cooperatives, count] = await service.listAndCountCooperatives(filters, {
    skip: offset,
    take: limit,
    order: { name: "ASC" },
  })
  const ids = cooperatives.map((c) => c.id)
  const [certificates, ocop, reviews] = await Promise.all([
    cooperativeCertificates(req.scope, ids),
    cooperativeOcopSummary(req.scope, ids),
    cooperativeReviewSummaries(req.scope, ids),
  ])
  res.json({
    cooperatives: cooperatives.map((c) => ({ ...publicCooperative(c), ...ocop.get(c.id), ...reviews.get(c.id), certificates: certificates.get(c.id) })),
    count,
    limit,
    offset,
  })
}
