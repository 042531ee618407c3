import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CoopstallError } from "../../../lib/errors"
import { privateCooperative, publicUser } from "../../../lib/serialize"
import { toHandle } from "../../../lib/text"
import { createCooperativeWorkflow } from "../../../workflows/cooperative/create-cooperative"
import { CreateCooperativeBody } from "../validators"

/** POST /vendor/cooperatives: a freshly registered sign-in creates its cooperative (pending) and becomes its owner. */
export const POST = async (req: AuthenticatedMedusaRequest<CreateCooperativeBody>, res: MedusaResponse) => {
  const { bank_account, owner, handle, ...profile } = req.validatedBody
  const authIdentity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(req.auth_context.auth_identity_id, { relations: ["provider_identities"] })
  const ownerEmail = authIdentity.provider_identities?.find((p) => p.provider === "emailpass")?.entity_id
  if (!ownerEmail) {
    throw new CoopstallError(400, "email_sign_in_required", "Register with email and password first (POST /auth/vendor/emailpass/register).")
  }

  const { result } = await createCooperativeWorkflow(req.scope).run({
    input: {
      auth_identity_id: authIdentity.id,
      owner_email: ownerEmail.toLowerCase(),
      owner: owner ?? {},
      cooperative: {
        ...profile,
        handle: handle ?? toHandle(profile.name),
        bank_bin: bank_account?.bin ?? null,
        bank_account_number: bank_account?.account_number ?? null,
        bank_account_holder: bank_account?.account_holder ?? null,
      },
    },
  })
  res.status(201).json({ cooperative: privateCooperative(result.cooperative), user: publicUser(result.owner) })
}
