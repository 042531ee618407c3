import type { MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { conflict } from "../../../../lib/errors"
import { publicUser } from "../../../../workflows/cooperative/read/serialize"
import { cooperativeUserIdInAppMetadata } from "../../../../modules/cooperative/vendor-actor"
import { removeCooperativeUserWorkflow } from "../../../../workflows/cooperative/remove-cooperative-user"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../modules/cooperative"
import type { VendorRequest } from "../../tenant"

/** GET /vendor/users/:id */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const user = await service.retrieveCooperativeUser(req.params.id)
  res.json({ user: publicUser(user) })
}

/** DELETE /vendor/users/:id: an owner removes a member (staff or another owner); nobody removes themselves, so the cooperative always keeps an owner. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const user = await service.retrieveCooperativeUser(req.params.id)
  if (user.id === req.tenant.user.id) {
    throw conflict("cannot_remove_self", "You cannot remove your own account.")
  }
  const identities = await req.scope
    .resolve(Modules.AUTH)
    .listProviderIdentities({ entity_id: user.email, provider: "emailpass" }, { relations: ["auth_identity"] })
  const signIn = identities
    .map((identity) => identity.auth_identity)
    .find((authIdentity) => cooperativeUserIdInAppMetadata(authIdentity?.app_metadata) === user.id)
  await removeCooperativeUserWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, user_id: user.id, auth_identity_id: signIn?.id ?? null, removed_by: req.tenant.user.id },
  })
  res.json({ id: user.id, object: "cooperative_user", deleted: true })
}
