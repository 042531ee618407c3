import type { MedusaResponse } from "@medusajs/framework/http"
import { payoutEntries, retrievePayout } from "../../../../workflows/payout/read/payout-detail"
import { vendorPayoutView } from "../../../../workflows/payout/read/payout-view"
import type { VendorRequest } from "../../tenant"

/** GET /vendor/payouts/:id: one of the cooperative's payouts with its ledger lines (others: 404, checked by the tenant middleware). */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const payout = await retrievePayout(req.scope, req.params.id, req.tenant.cooperative.id)
  res.json({ payout: { ...vendorPayoutView(payout), ledger_entries: await payoutEntries(req.scope, payout.id) } })
}
