import type { MedusaResponse } from "@medusajs/framework/http"
import { vnDay } from "../../../../lib/dates"
import { ledgerFilters, LedgerExportQuery } from "../../../../workflows/ledger/read/query"
import { writeLedgerCsv } from "../../../../workflows/ledger/read/statement"
import type { VendorRequest } from "../../tenant"
import type { z } from "zod"

/** GET /vendor/ledger/export.csv?type=&from=&to=: the whole (filtered) ledger as a spreadsheet, streamed. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const cooperative = req.tenant.cooperative
  res.status(200)
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="so-cai-${cooperative.handle}-${vnDay(new Date())}.csv"`)
  res.setHeader("cache-control", "no-store")
  await writeLedgerCsv(req.scope, cooperative.id, ledgerFilters(req.validatedQuery as z.infer<typeof LedgerExportQuery>), res)
  res.end()
}
