import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conflict, notFound } from "../../../../../../lib/errors"
import { privateCooperative } from "../../../../../../workflows/cooperative/read/serialize"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../../modules/cooperative"

/**
 * POST /admin/cooperatives/:id/bank-account/verify: a union admin confirms the payout account
 * belongs to the cooperative (e.g. against its bank's confirmation letter). Bank-transfer payouts
 * go only to a verified account; the cooperative changing its account clears the verification.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  if (!cooperative.bank_bin || !cooperative.bank_account_number) {
    throw conflict("no_bank_account", "The cooperative has not given a bank account to verify.")
  }
  const updated = await service.updateCooperatives({
    id: cooperative.id,
    bank_account_verified_at: new Date(),
    bank_account_verified_by: req.auth_context.actor_id,
  })
  res.json({ cooperative: privateCooperative(updated) })
}
