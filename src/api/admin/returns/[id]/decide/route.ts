import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionReturnWorkflow } from "../../../../../workflows/return/transition-return"
import { returnContext, returnView } from "../../../../store/returns/view"
import type { z } from "zod"
import type { DecideReturnBody } from "../../../../store/returns/validators"

/**
 * POST /admin/returns/:id/decide `{ decision: "accept" | "refuse", note }`: the union decides a
 * return the shopper escalated. Accept: the return goes ahead as if the cooperative had accepted it
 * (the shopper sends the parcel, the cooperative records it received). Refuse: it ends (`rejected`).
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof DecideReturnBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await transitionReturnWorkflow(req.scope).run({
    input: { return_id: req.params.id, action: "decide", decision: body.decision, note: body.note, actor_id: req.auth_context.actor_id },
  })
  const ctx = await returnContext(req.scope, [result])
  res.json({ return: returnView(result, "union", ctx(result)) })
}
