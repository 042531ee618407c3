import type { MedusaResponse } from "@medusajs/framework/http"
import { ledgerFilters, LedgerQuery } from "../../../workflows/ledger/read/query"
import { ledgerStatement } from "../../../workflows/ledger/read/statement"
import type { VendorRequest } from "../tenant"
import type { z } from "zod"

/** GET /vendor/ledger?type=&from=&to=&limit=&offset=: the cooperative's own balance and ledger lines, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof LedgerQuery>
  res.json(await ledgerStatement(req.scope, req.tenant.cooperative.id, ledgerFilters(q), { limit: q.limit, offset: q.offset }))
}
