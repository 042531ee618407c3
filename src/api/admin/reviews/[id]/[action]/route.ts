import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError } from "../../../../../lib/errors"
import { moderateReviewWorkflow } from "../../../../../workflows/review/moderate-review"
import { ReviewModerationParams } from "../../../validators"
import { retrieveReview } from "../route"

/** POST /admin/reviews/:id/{publish,reject,hide} with { reason } (required to reject). Only union admins reach /admin. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = ReviewModerationParams.safeParse(req.params)
  if (!params.success) {
    throw new CoopstallError(404, "unknown_action", `There is no moderation action "${req.params.action}"; use publish, reject or hide.`)
  }
  const action = params.data.action
  const reason: string | undefined = (req.validatedBody as any)?.reason
  if (!reason && action === "reject") {
    throw new CoopstallError(400, "invalid_request", "A reason is required to reject a review.", [{ path: "reason", message: "Required" }])
  }
  await moderateReviewWorkflow(req.scope).run({ input: { id: req.params.id, action, reason: reason ?? null, admin_id: req.auth_context.actor_id } })
  res.json({ review: await retrieveReview(req.scope, req.params.id) })
}
