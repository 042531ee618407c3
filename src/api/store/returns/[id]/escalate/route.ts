import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../../lib/errors"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../../../../modules/cooperative-return"
import { transitionReturnWorkflow } from "../../../../../workflows/return/transition-return"
import { returnContext, returnView } from "../../view"
import type { z } from "zod"
import type { EscalateReturnBody } from "../../validators"

/** POST /store/returns/:id/escalate `{ note }`: the shopper asks the union to decide a return the cooperative refused. */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof EscalateReturnBody>>, res: MedusaResponse) => {
  const service: CooperativeReturnModuleService = req.scope.resolve(COOPERATIVE_RETURN_MODULE)
  const [mine] = await service.listCooperativeReturns({ id: req.params.id, customer_id: req.auth_context.actor_id }, { select: ["id"] })
  if (!mine) throw notFound("Return", req.params.id)
  const { result } = await transitionReturnWorkflow(req.scope).run({
    input: { return_id: mine.id, action: "escalate", actor_id: req.auth_context.actor_id, note: req.validatedBody.note },
  })
  const ctx = await returnContext(req.scope, [result])
  res.json({ return: returnView(result, "customer", ctx(result)) })
}
