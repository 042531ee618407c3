import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative } from "../../../../../workflows/cooperative/read/serialize"
import { releaseCooperativeRegistrationWorkflow } from "../../../../../workflows/cooperative/release-cooperative-registration"
import type { ReleaseCooperativeBody } from "./validators"

/**
 * POST /admin/cooperatives/:id/release { reason }: frees a pending (abandoned) or rejected
 * registration's tax code, handle and emails for a new registration. 409 for any other status.
 */
export const POST = async (req: AuthenticatedMedusaRequest<ReleaseCooperativeBody>, res: MedusaResponse) => {
  const { reason } = req.validatedBody as ReleaseCooperativeBody
  const { result } = await releaseCooperativeRegistrationWorkflow(req.scope).run({
    input: { cooperative_id: req.params.id, reason, actor_type: "user", actor_id: req.auth_context.actor_id },
  })
  res.json({ cooperative: { ...privateCooperative(result), released_at: result.released_at } })
}
