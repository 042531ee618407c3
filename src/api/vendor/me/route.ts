import type { MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative, publicUser } from "../../../workflows/cooperative/read/serialize"
import type { VendorRequest } from "../tenant"

/**
 * GET /vendor/me: the signed-in cooperative user and their cooperative. `acting` names the union
 * admin when one is acting for the cooperative (the panel shows it on every page), else null.
 */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { user, cooperative, actor } = req.tenant
  const acting = actor.type === "union_admin" ? { admin_user_id: actor.id, admin_email: actor.email } : null
  res.json({ user: publicUser(user), cooperative: privateCooperative(cooperative), acting })
}
