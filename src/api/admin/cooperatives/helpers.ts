import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CooperativeAction } from "../../../modules/cooperative"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { privateCooperative } from "../../../workflows/cooperative/read/serialize"
import { changeCooperativeStatusWorkflow } from "../../../workflows/cooperative/change-cooperative-status"

/** POST /admin/cooperatives/:id/{approve,reject,suspend,reinstate} with { reason }: one route folder per decision. */
export const decideCooperative =
  (action: CooperativeAction) => async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
    const reason = req.validatedBody?.reason
    if (!reason && action !== "approve" && action !== "reinstate") {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `A reason is required to ${action} a cooperative.`, [
        { path: "reason", message: "Required" },
      ])
    }
    const { result } = await changeCooperativeStatusWorkflow(req.scope).run({
      input: {
        cooperative_id: req.params.id,
        action,
        reason: reason ?? (action === "approve" ? "Approved by the union" : "Reinstated by the union"),
        actor_type: "user",
        actor_id: req.auth_context.actor_id,
      },
    })
    res.json({ cooperative: privateCooperative(result) })
  }
