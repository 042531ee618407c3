import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import { deleteCommissionRateWorkflow, updateCommissionRateWorkflow } from "../../../../workflows/ledger/commission-rates"
import { serializeCommissionRate } from "../view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [rate] = await (req.scope.resolve(LEDGER_MODULE) as LedgerModuleService).listCommissionRates({ id: req.params.id })
  if (!rate) throw notFound("Commission rate", req.params.id)
  res.json({ commission_rate: serializeCommissionRate(rate) })
}

/** POST /admin/commission-rates/:id { rate_bps, note? }: applies to lines booked from now on. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await updateCommissionRateWorkflow(req.scope).run({
    input: { id: req.params.id, ...(req as any).validatedBody, updated_by: req.auth_context.actor_id },
  })
  res.json({ commission_rate: serializeCommissionRate(result) })
}

/** DELETE /admin/commission-rates/:id: the rule stops applying (soft delete; booked lines keep their rate). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteCommissionRateWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "commission_rate", deleted: true })
}
