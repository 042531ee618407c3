import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../../lib/errors"
import { privateCooperative } from "../../../../../../workflows/cooperative/read/serialize"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../../modules/cooperative"

/**
 * POST /admin/cooperatives/:id/stripe-account/connect { stripe_account_id: "acct_…" | null }: the
 * cooperative's Stripe Connect account (null disconnects it). With STRIPE_API_KEY set, its payouts
 * are Stripe transfers to this account instead of bank transfers.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ stripe_account_id: string | null }>, res: MedusaResponse) => {
  const { stripe_account_id } = req.validatedBody as { stripe_account_id: string | null }
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id }, { select: ["id"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  const updated = await service.updateCooperatives({ id: cooperative.id, stripe_account_id })
  res.json({ cooperative: privateCooperative(updated) })
}
