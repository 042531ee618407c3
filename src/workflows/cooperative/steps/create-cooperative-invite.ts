import { randomBytes } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export const INVITE_VALID_DAYS = 7

export const createCooperativeInviteStep = createStep(
  "create-cooperative-invite",
  async (
    input: { cooperative_id: string; email: string; role: "owner" | "staff"; invited_by: string },
    { container }
  ) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const invite = await service.createCooperativeInvites({
      ...input,
      token: randomBytes(24).toString("base64url"),
      expires_at: new Date(Date.now() + INVITE_VALID_DAYS * 24 * 3600 * 1000),
    })
    return new StepResponse(invite, invite.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).deleteCooperativeInvites(id)
  }
)
