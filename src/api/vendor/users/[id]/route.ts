import type { MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { conflict } from "../../../../lib/errors"
import { publicUser } from "../../../../lib/serialize"
import { appMetadataWithoutCooperativeUser, cooperativeUserIdInAppMetadata } from "../../../../lib/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../modules/cooperative"
import type { VendorRequest } from "../../tenant"

/** GET /vendor/users/:id */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const user = await service.retrieveCooperativeUser(req.params.id)
  res.json({ user: publicUser(user) })
}

/** DELETE /vendor/users/:id: an owner removes a staff account; the cooperative always keeps an owner. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const user = await service.retrieveCooperativeUser(req.params.id)
  if (user.id === req.tenant.user.id) {
    throw conflict("cannot_remove_self", "You cannot remove your own account.")
  }
  await service.deleteCooperativeUsers(user.id)
  // The removed person's sign-in no longer points at a cooperative user.
  const auth = req.scope.resolve(Modules.AUTH)
  const identities = await auth.listProviderIdentities({ entity_id: user.email, provider: "emailpass" }, { relations: ["auth_identity"] })
  for (const identity of identities) {
    const authIdentity: any = (identity as any).auth_identity
    if (authIdentity && cooperativeUserIdInAppMetadata(authIdentity.app_metadata) === user.id) {
      await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: appMetadataWithoutCooperativeUser(authIdentity.app_metadata) })
    }
  }
  res.json({ id: user.id, object: "cooperative_user", deleted: true })
}
