import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { adminPayoutViews, cooperativeNames } from "../../../workflows/payout/read/payout-view"

type Query = { limit: number; offset: number; status?: string; cooperative_id?: string; period?: string }

/** GET /admin/payouts?status=&cooperative_id=&period=&limit=&offset=: newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as Query
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const where = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [payouts, count] = await ledger.listAndCountPayouts(where, { order: { created_at: "DESC", id: "DESC" }, take: limit, skip: offset })
  const names = await cooperativeNames(req.scope, payouts.map((p) => p.cooperative_id))
  res.json({ payouts: adminPayoutViews(req.scope, payouts, names), count, limit, offset })
}
