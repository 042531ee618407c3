import type { MedusaResponse } from "@medusajs/framework/http"
import { privateCooperative } from "../../../../workflows/cooperative/read/serialize"
import { updateCooperativeWorkflow } from "../../../../workflows/cooperative/update-cooperative"
import type { VendorRequest } from "../../tenant"

type Body = { bin: string; account_number: string; account_holder: string }

/**
 * POST /vendor/cooperative/bank-account: owners only (see middlewares) set where payouts go. A
 * changed account loses the union's verification: no bank-transfer payout reaches it until a union
 * admin verifies it again.
 */
export const POST = async (req: VendorRequest<Body>, res: MedusaResponse) => {
  const { bin, account_number, account_holder } = req.validatedBody as Body
  const current = req.tenant.cooperative
  const unchanged = current.bank_bin === bin && current.bank_account_number === account_number && current.bank_account_holder === account_holder
  const { result: cooperative } = await updateCooperativeWorkflow(req.scope).run({
    input: {
      cooperative_id: current.id,
      update: {
        bank_bin: bin,
        bank_account_number: account_number,
        bank_account_holder: account_holder,
        ...(unchanged ? {} : { bank_account_verified_at: null, bank_account_verified_by: null }),
      },
    },
  })
  res.json({ cooperative: privateCooperative(cooperative) })
}
