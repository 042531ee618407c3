import type { MedusaResponse } from "@medusajs/framework/http"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { vendorPayoutView } from "../../../workflows/payout/read/payout-view"
import type { VendorRequest } from "../tenant"
import type { z } from "zod"
import type { VendorListPayoutsQuery } from "../../admin/payouts/validators"

/** GET /vendor/payouts?status=&limit=&offset=: the cooperative's own payouts, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery as z.infer<typeof VendorListPayoutsQuery>
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [payouts, count] = await ledger.listAndCountPayouts(
    { cooperative_id: req.tenant.cooperative.id, ...(status ? { status } : {}) },
    { order: { created_at: "DESC", id: "DESC" }, take: limit, skip: offset }
  )
  res.json({ payouts: payouts.map(vendorPayoutView), count, limit, offset })
}
