import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative, publicUser } from "../../../workflows/cooperative/read/serialize"
import { toHandle } from "../../../lib/text"
import { createCooperativeWorkflow } from "../../../workflows/cooperative/create-cooperative"
import { registeredSignIn } from "../sign-in"
import { CreateCooperativeBody } from "../validators"

/** POST /vendor/cooperatives: a freshly registered sign-in creates its cooperative (pending) and becomes its owner. */
export const POST = async (req: AuthenticatedMedusaRequest<CreateCooperativeBody>, res: MedusaResponse) => {
  const { bank_account, owner, handle, ...profile } = req.validatedBody
  const { authIdentityId, email } = await registeredSignIn(req)

  const { result } = await createCooperativeWorkflow(req.scope).run({
    input: {
      auth_identity_id: authIdentityId,
      owner_email: email,
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
