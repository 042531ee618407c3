import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { hashInviteToken, inviteState } from "../../../modules/cooperative/invite-token"

export type AcceptCooperativeInviteInput = {
  token: string
  email: string
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
}

/** Turns a pending invite for this email into a cooperative user; the invite is spent. */
export const acceptCooperativeInviteStep = createStep(
  "accept-cooperative-invite",
  async (input: AcceptCooperativeInviteInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [invite] = await service.listCooperativeInvites({ token_hash: hashInviteToken(input.token) })
    if (!invite) {
      throw new CoopstallError(ErrorTypes.NOT_FOUND, "invite_not_found", "This invite does not exist or has already been used.")
    }
    switch (inviteState(invite)) {
      case "accepted":
        throw new CoopstallError(ErrorTypes.CONFLICT, "invite_used", "This invite has already been used.")
      case "revoked":
        throw new CoopstallError(ErrorTypes.GONE, "invite_revoked", "This invite was withdrawn by the cooperative; ask its owner for a new one.")
      case "expired":
        throw new CoopstallError(ErrorTypes.GONE, "invite_expired", "This invite has expired; ask the cooperative's owner for a new one.")
    }
    if (invite.email.toLowerCase() !== input.email.toLowerCase()) {
      throw new CoopstallError(ErrorTypes.FORBIDDEN, "invite_email_mismatch", `This invite was sent to ${invite.email}; register with that address.`)
    }
    if ((await service.listCooperativeUsers({ email: input.email })).length) {
      throw new CoopstallError(ErrorTypes.CONFLICT, "email_taken", `${input.email} already belongs to a cooperative account.`)
    }
    const user = await service.createCooperativeUsers({
      email: invite.email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      phone: input.phone ?? null,
      role: invite.role,
      cooperative_id: invite.cooperative_id,
    })
    await service.updateCooperativeInvites({ id: invite.id, accepted_at: new Date() })
    return new StepResponse(user, { user_id: user.id, invite_id: invite.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    await service.updateCooperativeInvites({ id: undo.invite_id, accepted_at: null })
    await service.deleteCooperativeUsers(undo.user_id)
  }
)
