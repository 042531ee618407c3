import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CoopstallError, ErrorTypes } from "../../lib/errors"

/** The auth identity behind an onboarding request and the email it registered with. */
export async function registeredSignIn(req: AuthenticatedMedusaRequest<unknown>) {
  const authIdentity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const email = authIdentity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id
  if (!email) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "email_sign_in_required", "Register with email and password first (POST /auth/vendor/emailpass/register).")
  }
  return { authIdentityId: authIdentity.id, email: email.toLowerCase() }
}
