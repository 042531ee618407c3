import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../../modules/cooperative-return"
import { returnContext, returnView } from "../view"

/** GET /store/returns/:id: one of the shopper's returns; anyone else's is a 404. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [r] = await service.listCooperativeReturns({ id: req.params.id, customer_id: req.auth_context.actor_id })
  if (!r) throw notFound("Return", req.params.id)
  const ctx = await returnContext(req.scope, [r])
  res.json({ return: returnView(r, "customer", ctx(r)) })
}
