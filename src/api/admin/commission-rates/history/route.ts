import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "zod"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import { targetNames } from "../helpers"
import type { CommissionRateHistoryQuery } from "../validators"
import { serializeCommissionRateChange } from "../view"

/**
 * GET /admin/commission-rates/history?scope=&cooperative_id=&category_id=&commission_rate_id=&limit=&offset=:
 * every change of a commission rule, newest first: who (admin id and email), when, the target, the
 * rate before and after, and why. `cooperative_id` also finds its cooperative-in-category rules.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as z.infer<typeof CommissionRateHistoryQuery>
  const [changes, count] = await (req.scope.resolve(LEDGER_MODULE) as LedgerModuleService).listAndCountCommissionRateChanges(filters, {
    order: { created_at: "DESC", id: "DESC" },
    skip: offset,
    take: limit,
  })
  const names = await targetNames(req.scope, changes)
  res.json({ changes: changes.map((c) => serializeCommissionRateChange(c, names)), count, limit, offset })
}
