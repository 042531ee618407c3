import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { inviteCooperativeUserWorkflow } from "../../../workflows/cooperative/invite-cooperative-user"
import type { VendorRequest } from "../tenant"
import { shapeInvite } from "./helpers"
import type { ListInvitesQuery } from "./validators"
import type { z } from "zod"
import type { CreateInviteBody } from "../validators"

/** GET /vendor/invites (?status=pending|accepted|revoked|expired): the cooperative's invites, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { status } = (req.validatedQuery ?? {}) as ListInvitesQuery
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const invites = await service.listCooperativeInvites({ cooperative_id: req.tenant.cooperative.id }, { order: { created_at: "DESC" } })
  const shaped = invites.map(shapeInvite)
  res.json({ invites: status ? shaped.filter((i) => i.status === status) : shaped })
}

/**
 * POST /vendor/invites: owners invite staff. The token is in this answer only (many cooperatives
 * pass it on by phone or Zalo); the database keeps its hash, so it cannot be shown again.
 */
export const POST = async (req: VendorRequest<z.infer<typeof CreateInviteBody>>, res: MedusaResponse) => {
  const { result } = await inviteCooperativeUserWorkflow(req.scope).run({
    input: { ...req.validatedBody, cooperative_id: req.tenant.cooperative.id, invited_by: req.tenant.user.id },
  })
  res.status(201).json({ invite: { ...shapeInvite(result.invite), token: result.token } })
}
