import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../lib/errors"
import { ledgerFilters, LedgerQuery } from "../../../../../workflows/ledger/read/query"
import { ledgerStatement } from "../../../../../workflows/ledger/read/statement"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../modules/cooperative"
import type { z } from "zod"

/** GET /admin/cooperatives/:id/ledger: what the cooperative sees at GET /vendor/ledger. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [cooperative] = await (req.scope.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  const q = req.validatedQuery as z.infer<typeof LedgerQuery>
  res.json(await ledgerStatement(req.scope, cooperative.id, ledgerFilters(q), { limit: q.limit, offset: q.offset }))
}
