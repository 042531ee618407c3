import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { publicUser } from "../../../workflows/cooperative/read/serialize"
import type { VendorRequest } from "../tenant"

/** GET /vendor/users: the cooperative's staff accounts. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const users = await service.listCooperativeUsers({ cooperative_id: req.tenant.cooperative.id }, { order: { created_at: "ASC" } })
  res.json({ users: users.map(publicUser) })
}
