import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { createHash, randomBytes } from "node:crypto"
import { CoopstallError, conflict, notFound } from "../../../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../../modules/cooperative"

/** How long the one-time code waits for the panel to exchange it. */
export const HANDOFF_TTL_MS = 2 * 60_000

/**
 * POST /admin/cooperatives/:id/act-as: a one-time code that opens the cooperative's panel for this
 * admin, only for a stall the union manages. The admin's browser passes it to the panel in the URL's
 * fragment (never sent to a server, so never in an access log); the panel exchanges it once at
 * POST /auth/union-handoff for an acting token. Only the code's hash is stored.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [cooperative] = await service.listCooperatives({ id: req.params.id }, { select: ["id", "managed_by_union"] })
  if (!cooperative) throw notFound("Cooperative", req.params.id)
  if (!cooperative.managed_by_union) {
    throw conflict("not_managed_by_union", "The union does not manage this cooperative's stall: mark it managed first (POST …/manage).")
  }
  const [admin] = await req.scope.resolve(Modules.USER).listUsers({ id: req.auth_context.actor_id }, { select: ["id", "email"] })
  if (!admin) throw new CoopstallError(403, "admin_user_required", "Only a signed-in union admin can act for a cooperative (not an API key).")

  const code = randomBytes(32).toString("base64url")
  const expiresAt = new Date(Date.now() + HANDOFF_TTL_MS)
  await service.createUnionHandoffs({
    code_hash: createHash("sha256").update(code).digest("hex"),
    cooperative_id: cooperative.id,
    admin_user_id: admin.id,
    admin_email: admin.email,
    expires_at: expiresAt,
  })
  res.json({ code, expires_at: expiresAt.toISOString(), panel_url: `/cooperative/#union-handoff=${code}` })
}
