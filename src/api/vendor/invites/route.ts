import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { inviteCooperativeUserWorkflow } from "../../../workflows/cooperative/invite-cooperative-user"
import type { VendorRequest } from "../tenant"

const shapeInvite = ({ id, email, role, expires_at, accepted_at, created_at }: any) => ({
  id, email, role, expires_at, accepted_at, created_at,
})

/** GET /vendor/invites */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const invites = await service.listCooperativeInvites({ cooperative_id: req.tenant.cooperative.id }, { order: { created_at: "DESC" } })
  res.json({ invites: invites.map(shapeInvite) })
}

/**
 * POST /vendor/invites: owners invite staff. The token is returned to the owner (many cooperatives
 * pass it on by phone or Zalo) and also sent by notification.
 */
export const POST = async (req: VendorRequest<{ email: string; role: "owner" | "staff" }>, res: MedusaResponse) => {
  const { result } = await inviteCooperativeUserWorkflow(req.scope).run({
    input: { ...(req.validatedBody as any), cooperative_id: req.tenant.cooperative.id, invited_by: req.tenant.user.id },
  })
  res.status(201).json({ invite: { ...shapeInvite(result), token: result.token } })
}
