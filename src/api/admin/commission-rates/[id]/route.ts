import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "zod"
import { notFound } from "../../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import { deleteCommissionRateWorkflow, updateCommissionRateWorkflow } from "../../../../workflows/ledger/commission-rates"
import { targetNames } from "../helpers"
import type { DeleteCommissionRateBody, UpdateCommissionRateBody } from "../validators"
import { serializeCommissionRate, serializeCommissionRateChange } from "../view"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [rate] = await (req.scope.resolve(LEDGER_MODULE) as LedgerModuleService).listCommissionRates({ id: req.params.id })
  if (!rate) throw notFound("Commission rate", req.params.id)
  res.json({ commission_rate: serializeCommissionRate(rate, await targetNames(req.scope, [rate])) })
}

/**
 * POST /admin/commission-rates/:id { rate_bps, note?, reason? }: applies to lines booked from now on.
 * `change` is the history line written with it; null when the rule already had that rate and note.
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof UpdateCommissionRateBody>>, res: MedusaResponse) => {
  const { result } = await updateCommissionRateWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  const names = await targetNames(req.scope, [result.rate])
  res.json({ commission_rate: serializeCommissionRate(result.rate, names), change: result.change && serializeCommissionRateChange(result.change, names) })
}

/**
 * DELETE /admin/commission-rates/:id { reason? }: the rule stops applying (soft delete; booked lines
 * keep their rate). Answers Medusa's delete shape; the removal's line is in the history.
 */
export const DELETE = async (req: AuthenticatedMedusaRequest<z.infer<typeof DeleteCommissionRateBody> | undefined>, res: MedusaResponse) => {
  await deleteCommissionRateWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody?.reason, actor_id: req.auth_context.actor_id },
  })
  res.json({ id: req.params.id, object: "commission_rate", deleted: true })
}
