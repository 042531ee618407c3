import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "zod"
import { commissionDefaultBps } from "../../../modules/ledger/rules/config"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { createCommissionRateWorkflow } from "../../../workflows/ledger/commission-rates"
import { targetNames } from "./helpers"
import type { CreateCommissionRateBody, ListCommissionRatesQuery } from "./validators"
import { serializeCommissionRate, serializeCommissionRateChange } from "./view"

/**
 * GET /admin/commission-rates?scope=&cooperative_id=&category_id=&limit=&offset=: the rules in force,
 * each with its cooperative and category named. `fallback_default_bps` is the union-wide rate used
 * while no `default` rule exists (COMMISSION_DEFAULT_BPS).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery as z.infer<typeof ListCommissionRatesQuery>
  const [rates, count] = await (req.scope.resolve(LEDGER_MODULE) as LedgerModuleService).listAndCountCommissionRates(filters, {
    order: { scope: "ASC", created_at: "ASC" },
    skip: offset,
    take: limit,
  })
  const names = await targetNames(req.scope, rates)
  res.json({ commission_rates: rates.map((r) => serializeCommissionRate(r, names)), count, limit, offset, fallback_default_bps: commissionDefaultBps() })
}

/** POST /admin/commission-rates { scope, cooperative_id?, category_id?, rate_bps, note?, reason? } */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof CreateCommissionRateBody>>, res: MedusaResponse) => {
  const { result } = await createCommissionRateWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const names = await targetNames(req.scope, [result.rate])
  res.status(201).json({ commission_rate: serializeCommissionRate(result.rate, names), change: result.change && serializeCommissionRateChange(result.change, names) })
}
