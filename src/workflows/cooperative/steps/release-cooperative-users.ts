import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cooperativeUserIdInAppMetadata } from "../../../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

/**
 * Removes a released registration's accounts (soft delete) and marks it released. Their sign-ins are
 * deleted by the next step, the workflow's last, because a deleted sign-in cannot be restored.
 */
export const releaseCooperativeUsersStep = createStep(
  "release-cooperative-users",
  async (input: { cooperative_id: string; released_by: string }, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const users = await service.listCooperativeUsers({ cooperative_id: input.cooperative_id }, { select: ["id", "email"] })
    if (users.length) await service.softDeleteCooperativeUsers(users.map((u) => u.id))
    const cooperative = await service.updateCooperatives({ id: input.cooperative_id, released_at: new Date(), released_by: input.released_by })
    return new StepResponse({ cooperative, users: users.map((u) => ({ id: u.id, email: u.email })) }, { cooperative_id: input.cooperative_id, user_ids: users.map((u) => u.id) })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    await service.updateCooperatives({ id: undo.cooperative_id, released_at: null, released_by: null })
    if (undo.user_ids.length) await service.restoreCooperativeUsers(undo.user_ids)
  }
)

/**
 * Deletes the email sign-ins of those accounts, so their addresses can register again (Medusa's
 * emailpass refuses an address that already has a sign-in). A sign-in that is also another actor's
 * (a shopper's, an admin's) is only untied from the cooperative account.
 */
export const deleteReleasedSignInsStep = createStep(
  "delete-released-sign-ins",
  async (users: { id: string; email: string }[], { container }) => {
    const auth = container.resolve(Modules.AUTH)
    for (const user of users) {
      const identities = await auth.listProviderIdentities({ entity_id: user.email, provider: "emailpass" }, { relations: ["auth_identity"] })
      for (const identity of identities) {
        const authIdentity = identity.auth_identity
        if (!authIdentity || cooperativeUserIdInAppMetadata(authIdentity.app_metadata) !== user.id) continue
        const otherActors = Object.entries(authIdentity.app_metadata ?? {}).filter(([key, value]) => key !== "vendor_id" && key.endsWith("_id") && value)
        if (otherActors.length) {
          const { vendor_id: _vendor, ...rest } = authIdentity.app_metadata ?? {}
          await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: rest })
        } else {
          await auth.deleteAuthIdentities([authIdentity.id])
        }
      }
    }
    return new StepResponse(users.length)
  }
)
