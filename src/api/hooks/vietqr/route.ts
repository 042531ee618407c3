import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "zod"
import { CoopstallError, ErrorTypes, notFound } from "../../../lib/errors"
import { validHmacSignature } from "../../../lib/webhook-signature"
import { ORDER_GROUP_MODULE, OrderGroupModuleService } from "../../../modules/order-group"
import { markPurchasePaidWorkflow } from "../../../workflows/checkout/mark-purchase-paid"

export const VIETQR_SIGNATURE_HEADER = "x-vietqr-signature"

const BankNotification = z.object({
  reference: z.string().min(1).max(64),
  amount: z.number().int().min(1),
  transaction_id: z.string().max(128).optional(),
})

/**
 * POST /hooks/vietqr: the bank (or its notification gateway) reports an incoming transfer. Signed
 * with HMAC-SHA256 over the raw body with VIETQR_WEBHOOK_SECRET in `x-vietqr-signature`. The
 * transfer message carries the purchase reference; a transfer for at least the purchase total marks
 * it paid. Repeats are harmless.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const secret = process.env.VIETQR_WEBHOOK_SECRET
  if (!secret) throw new CoopstallError(ErrorTypes.UNAVAILABLE, "webhook_not_configured", "VIETQR_WEBHOOK_SECRET is not set.")
  if (!validHmacSignature(secret, req.rawBody ?? "", req.headers[VIETQR_SIGNATURE_HEADER] as string | undefined)) {
    throw new CoopstallError(ErrorTypes.UNAUTHORIZED, "invalid_signature", "The notification's signature does not match.")
  }
  const parsed = BankNotification.safeParse(req.body)
  if (!parsed.success) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "Invalid bank notification.", parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })))
  }
  const reference = parsed.data.reference.trim().toUpperCase()
  const [group] = await (req.scope.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).listOrderGroups({ payment_reference: reference })
  if (!group) throw notFound("Purchase with reference", reference)
  if (parsed.data.amount < Number(group.total)) {
    throw new CoopstallError(ErrorTypes.CONFLICT, "amount_short", `The transfer of ${parsed.data.amount} đồng is less than the purchase total of ${group.total}; the union settles it by hand.`)
  }
  const { result } = await markPurchasePaidWorkflow(req.scope).run({ input: { order_group_id: group.id, captured_by: "vietqr-webhook" } })
  res.json({ received: true, order_group_id: group.id, captured: result.captured })
}
