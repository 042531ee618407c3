import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { hashInviteToken, newInviteToken } from "../../../modules/cooperative/invite-token"

export const INVITE_VALID_DAYS = 7

/**
 * Creates the invite with only the hash of a fresh token. The token itself is returned once, for the
 * owner's answer (and, in development, the notification); it is not stored anywhere.
 */
export const createCooperativeInviteStep = createStep(
  "create-cooperative-invite",
  async (
    input: { cooperative_id: string; email: string; role: "owner" | "staff"; invited_by: string },
    { container }
  ) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const token = newInviteToken()
    const invite = await service.createCooperativeInvites({
      ...input,
      token_hash: hashInviteToken(token),
      expires_at: new Date(Date.now() + INVITE_VALID_DAYS * 24 * 3600 * 1000),
    })
    const { token_hash: _hash, ...visible } = invite
    return new StepResponse({ invite: visible, token }, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).deleteCooperativeInvites(id)
  }
)
