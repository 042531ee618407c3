import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { moderateReviewWorkflow } from "../../../workflows/review/moderate-review"
import type { MODERATION_ACTIONS } from "../../../modules/review"
import { retrieveReview } from "./[id]/route"

/** POST /admin/reviews/:id/{publish,reject,hide} with { reason } (required to reject): one route folder per decision. */
export const moderateReview =
  (action: (typeof MODERATION_ACTIONS)[number]) => async (req: AuthenticatedMedusaRequest<{ reason?: string }>, res: MedusaResponse) => {
    const reason = req.validatedBody?.reason
    if (!reason && action === "reject") {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "A reason is required to reject a review.", [{ path: "reason", message: "Required" }])
    }
    await moderateReviewWorkflow(req.scope).run({ input: { id: req.params.id, action, reason: reason ?? null, admin_id: req.auth_context.actor_id } })
    res.json({ review: await retrieveReview(req.scope, req.params.id) })
  }
