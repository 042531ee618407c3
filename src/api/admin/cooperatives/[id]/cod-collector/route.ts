import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../lib/errors"
import { privateCooperative } from "../../../../../workflows/cooperative/read/serialize"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../modules/cooperative"

/**
 * POST /admin/cooperatives/:id/cod-collector { cod_collector: "cooperative" | "union" | null }: who
 * collects cash on delivery for this cooperative's orders (null: the union's COD_COLLECTOR). Each
 * order keeps the collector it was placed with, so the change applies to orders placed afterwards.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ cod_collector: "cooperative" | "union" | null }>, res: MedusaResponse) => {
  const { cod_collector } = req.validatedBody as { cod_collector: "cooperative" | "union" | null }
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  const updated = await service.updateCooperatives({ id: cooperative.id, cod_collector })
  res.json({ cooperative: privateCooperative(updated) })
}
