import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializeLedgerLine } from "../../../../../workflows/ledger/read/statement"
import { createLedgerAdjustmentWorkflow } from "../../../../../workflows/ledger/create-ledger-adjustment"
import type { z } from "zod"
import type { LedgerAdjustmentBody } from "../../../ledger/validators"

/**
 * POST /admin/cooperatives/:id/ledger-adjustments { amount (± đồng), reason, idempotency_key? }:
 * 201 with the new line, or 200 with the first one when the idempotency key was already used.
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof LedgerAdjustmentBody>>, res: MedusaResponse) => {
  const { result } = await createLedgerAdjustmentWorkflow(req.scope).run({
    input: { cooperative_id: req.params.id, ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(result.created ? 201 : 200).json({ entry: serializeLedgerLine(result.entry, new Map()), created: result.created })
}
