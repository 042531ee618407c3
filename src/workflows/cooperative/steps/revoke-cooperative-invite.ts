import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { inviteState } from "../../../modules/cooperative/invite-token"

export type RevokeCooperativeInviteInput = { invite_id: string; cooperative_id: string; revoked_by: string }

/**
 * Withdraws a pending invite so its token can no longer be accepted. The invite must belong to the
 * acting cooperative (checked here too, not only by the tenant middleware): a foreign id is a 404
 * like an unknown one. Revoking a revoked or expired invite changes nothing; an accepted one is a 409
 * (remove the user instead).
 */
export const revokeCooperativeInviteStep = createStep(
  "revoke-cooperative-invite",
  async (input: RevokeCooperativeInviteInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [invite] = await service.listCooperativeInvites({ id: input.invite_id, cooperative_id: input.cooperative_id })
    if (!invite) throw notFound("Invite", input.invite_id)
    const state = inviteState(invite)
    if (state === "accepted") {
      throw conflict("invite_used", "This invite has already been accepted; remove the staff account instead (DELETE /vendor/users/:id).")
    }
    if (state !== "pending") return new StepResponse(invite, null)
    const revoked = await service.updateCooperativeInvites({ id: invite.id, revoked_at: new Date(), revoked_by: input.revoked_by })
    return new StepResponse(revoked, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).updateCooperativeInvites({ id, revoked_at: null, revoked_by: null })
  }
)
