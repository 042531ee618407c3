import type { MedusaResponse } from "@medusajs/framework/http"
import { transitionReturnWorkflow } from "../../../workflows/return/transition-return"
import { returnContext, returnView } from "../../store/returns/view"
import type { VendorRequest } from "../tenant"

/** The cooperative's answer to a requested return (:id is its own: the tenant middleware checked it). */
export async function answerReturn(req: VendorRequest, res: MedusaResponse, action: "accept" | "refuse", note: string | null) {
  const { result } = await transitionReturnWorkflow(req.scope).run({
    input: { return_id: req.params.id, action, actor_id: req.tenant.user.id, note },
  })
  const ctx = await returnContext(req.scope, [result])
  res.json({ return: returnView(result, "cooperative", ctx(result)) })
}
