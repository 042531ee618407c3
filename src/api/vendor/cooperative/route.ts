import type { MedusaResponse } from "@medusajs/framework/http"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { privateCooperative } from "../../../workflows/cooperative/read/serialize"
import { updateCooperativeWorkflow } from "../../../workflows/cooperative/update-cooperative"
import type { VendorRequest } from "../tenant"

/** GET /vendor/cooperative: the caller's cooperative profile, with its status history. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const history = await service.listCooperativeStatusChanges(
    { cooperative_id: req.tenant.cooperative.id },
    { order: { created_at: "DESC" } }
  )
  res.json({
    cooperative: privateCooperative(req.tenant.cooperative),
    status_history: history.map(({ from_status, to_status, reason, actor_type, created_at }) => ({
      from_status, to_status, reason, actor_type, created_at,
    })),
  })
}

/** POST /vendor/cooperative: staff edit the public profile. Tax code, status and bank account are not editable here. */
export const POST = async (req: VendorRequest<Record<string, unknown>>, res: MedusaResponse) => {
  const { result: cooperative } = await updateCooperativeWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, update: req.validatedBody as Record<string, unknown> },
  })
  res.json({ cooperative: privateCooperative(cooperative) })
}
