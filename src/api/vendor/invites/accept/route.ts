import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicUser } from "../../../../workflows/cooperative/read/serialize"
import { registeredSignIn } from "../../sign-in"
import { acceptCooperativeInviteWorkflow } from "../../../../workflows/cooperative/accept-cooperative-invite"
import type { z } from "zod"
import type { AcceptInviteBody } from "../../validators"

/**
 * POST /vendor/invites/accept: with the token from POST /auth/vendor/emailpass/register, an invited
 * person joins the cooperative. Sign in again afterwards to get a token that carries the account.
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof AcceptInviteBody>>, res: MedusaResponse) => {
  const { authIdentityId, email } = await registeredSignIn(req)
  const { result } = await acceptCooperativeInviteWorkflow(req.scope).run({
    input: { ...req.validatedBody, email, auth_identity_id: authIdentityId },
  })
  res.status(201).json({ user: publicUser(result) })
}
