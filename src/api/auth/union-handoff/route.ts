import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { CoopstallError } from "../../../lib/errors"
import { UNION_ACTING_CLAIM, VENDOR_ACTOR_TYPE, type UnionActing } from "../../../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

/** An acting session ends by itself after this; the admin opens the panel again from Medusa Admin. */
export const ACTING_TOKEN_TTL_SECONDS = 2 * 60 * 60

/**
 * POST /auth/union-handoff { code }: exchanges a one-time code from POST /admin/cooperatives/:id/act-as
 * for a vendor token that acts for that one cooperative, naming the admin. A code works once, for two
 * minutes, and only while the union still manages the stall; every request with the token checks that
 * again (src/api/vendor/union-acting.ts).
 */
export const POST = async (req: MedusaRequest<{ code: string }>, res: MedusaResponse) => {
  const { code } = (req as unknown as { validatedBody: { code: string } }).validatedBody
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const claimed = await service.claimUnionHandoff(createHash("sha256").update(code).digest("hex"))
  if (!claimed) {
    throw new CoopstallError(401, "invalid_handoff_code", "This code is unknown, already used or expired; open the cooperative's panel again from Medusa Admin.")
  }
  const [cooperative] = await service.listCooperatives({ id: claimed.cooperative_id }, { select: ["id", "managed_by_union", "managed_since"] })
  if (!cooperative?.managed_by_union || !cooperative.managed_since) {
    throw new CoopstallError(401, "union_acting_revoked", "The union no longer manages this cooperative's stall.")
  }
  const acting: UnionActing = {
    cooperative_id: cooperative.id,
    admin_user_id: claimed.admin_user_id,
    admin_email: claimed.admin_email,
    managed_since: new Date(cooperative.managed_since).toISOString(),
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  // No auth identity and no provider: Medusa's token refresh refuses it, so it cannot outlive its expiry.
  const token = generateJwtToken(
    { actor_id: acting.admin_user_id, actor_type: VENDOR_ACTOR_TYPE, auth_identity_id: "", app_metadata: {}, user_metadata: {}, [UNION_ACTING_CLAIM]: acting },
    { secret: http.jwtSecret as string, expiresIn: ACTING_TOKEN_TTL_SECONDS, jwtOptions: http.jwtOptions }
  )
  res.json({ token, expires_at: new Date(Date.now() + ACTING_TOKEN_TTL_SECONDS * 1000).toISOString() })
}
