import type { MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative, publicUser } from "../../../workflows/cooperative/read/serialize"
import type { VendorRequest } from "../tenant"

/** GET /vendor/me: the signed-in cooperative user and their cooperative. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { user, cooperative } = req.tenant
  res.json({ user: publicUser(user), cooperative: privateCooperative(cooperative) })
}
