import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { vnDay } from "../../../../../../lib/dates"
import { notFound } from "../../../../../../lib/errors"
import { ledgerFilters, LedgerExportQuery } from "../../../../../../workflows/ledger/read/query"
import { writeLedgerCsv } from "../../../../../../workflows/ledger/read/statement"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../../modules/cooperative"
import type { z } from "zod"

/** GET /admin/cooperatives/:id/ledger/export.csv?type=&from=&to=: the file the cooperative gets at GET /vendor/ledger/export.csv. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [cooperative] = await (req.scope.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives(
    { id: req.params.id },
    { select: ["id", "handle"] }
  )
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  res.status(200)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="so-cai-${cooperative.handle}-${vnDay(new Date())}.csv"`)
  res.setHeader("cache-control", "no-store")
  await writeLedgerCsv(req.scope, cooperative.id, ledgerFilters(req.validatedQuery as z.infer<typeof LedgerExportQuery>), res)
  res.end()
}
