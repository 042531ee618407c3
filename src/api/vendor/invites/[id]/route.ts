import type { MedusaResponse } from "@medusajs/framework/http"
import { revokeCooperativeInviteWorkflow } from "../../../../workflows/cooperative/revoke-cooperative-invite"
import type { VendorRequest } from "../../tenant"
import { shapeInvite } from "../helpers"

/** DELETE /vendor/invites/:id: an owner withdraws a pending invite; its token stops working at once. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const { result } = await revokeCooperativeInviteWorkflow(req.scope).run({
    input: { invite_id: req.params.id, cooperative_id: req.tenant.cooperative.id, revoked_by: req.tenant.user.id },
  })
  res.json({ id: result.id, object: "cooperative_invite", deleted: true, invite: shapeInvite(result) })
}
