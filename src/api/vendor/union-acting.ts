import type { AuthContext } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CoopstallError } from "../../lib/errors"
import type { UnionActing } from "../../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import type { RouteCapability } from "./access"
import type { TenantContext } from "./tenant"

/** The role a union admin acting for a cooperative has in its panel: its staff's, never its owner's. */
export const UNION_ADMIN_ROLE = "union_admin"

const refused = (code: string, message: string) => ({ ok: false as const, error: new CoopstallError(401, code, message) })

/**
 * The tenant of a request carrying a union admin's acting token, checked on every request: the token
 * is unexpired (also when it came through a session), the cooperative it names is still managed by
 * the union since the same moment the token was minted for, and the admin still exists. The tenant is
 * that one cooperative; the "user" is a stand-in with role "union_admin", so owner-only routes
 * (bank account, staff, invites) stay the owner's.
 */
export async function actingTenant(
  container: MedusaContainer,
  acting: UnionActing | null,
  authContext: AuthContext,
  capability: RouteCapability
): Promise<{ ok: true; tenant: TenantContext } | { ok: false; error: CoopstallError }> {
  if (!acting) return refused("invalid_acting_token", "This acting token is malformed; open the cooperative's panel again from Medusa Admin.")
  const exp = (authContext as unknown as { exp?: unknown }).exp
  if (typeof exp !== "number" || exp * 1000 <= Date.now()) {
    return refused("union_acting_expired", "This acting session has expired; open the cooperative's panel again from Medusa Admin.")
  }
  if (capability === "join") {
    return { ok: false, error: new CoopstallError(403, "union_acting_forbids", "A union admin acting for a cooperative cannot create or join a cooperative.") }
  }
  const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: acting.cooperative_id })
  const since = cooperative?.managed_since ? new Date(cooperative.managed_since).toISOString() : null
  if (!cooperative || !cooperative.managed_by_union || since !== acting.managed_since) {
    return refused("union_acting_revoked", "The union no longer manages this cooperative's stall, so acting for it has ended.")
  }
  const [admin] = await container.resolve(Modules.USER).listUsers({ id: acting.admin_user_id }, { select: ["id", "email"] })
  if (!admin) return refused("union_acting_revoked", "The admin account this acting session belongs to no longer exists.")
  return {
    ok: true,
    tenant: {
      cooperative,
      user: { id: admin.id, email: admin.email, first_name: null, last_name: null, role: UNION_ADMIN_ROLE },
      actor: { type: "union_admin", id: admin.id, email: admin.email },
    },
  }
}
