import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative } from "../../../../../workflows/cooperative/read/serialize"
import { setUnionManagementWorkflow } from "../../../../../workflows/cooperative/set-union-management"

/** POST /admin/cooperatives/:id/manage and …/unmanage: one route folder per verb, one workflow. */
export const setUnionManagement = (managed: boolean) => async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await setUnionManagementWorkflow(req.scope).run({
    input: { cooperative_id: req.params.id, managed, actor_id: req.auth_context.actor_id },
  })
  res.json({ cooperative: privateCooperative(result) })
}
