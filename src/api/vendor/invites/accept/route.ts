import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CoopstallError } from "../../../../lib/errors"
import { publicUser } from "../../../../lib/serialize"
import { acceptCooperativeInviteWorkflow } from "../../../../workflows/cooperative/accept-cooperative-invite"

/**
 * POST /vendor/invites/accept: with the token from POST /auth/vendor/emailpass/register, an invited
 * person joins the cooperative. Sign in again afterwards to get a token that carries the account.
 */
export const POST = async (req: AuthenticatedMedusaRequest<any>, res: MedusaResponse) => {
  const authIdentity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const email = authIdentity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id
  if (!email) {
    throw new CoopstallError(400, "email_sign_in_required", "Register with email and password first (POST /auth/vendor/emailpass/register).")
  }
  const { result } = await acceptCooperativeInviteWorkflow(req.scope).run({
    input: { ...req.validatedBody, email, auth_identity_id: authIdentity.id },
  })
  res.status(201).json({ user: publicUser(result) })
}
