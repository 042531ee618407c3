import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminPayoutDetail } from "../../../../workflows/payout/read/payout-detail"

/** GET /admin/payouts/:id: the payout with its cooperative and its ledger lines. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ payout: await adminPayoutDetail(req.scope, req.params.id) })
}
