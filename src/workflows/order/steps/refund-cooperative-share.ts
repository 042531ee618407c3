import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturedPayment, purchaseOfOrder } from "../../../lib/ledger/refunds"

/**
 * When a cooperative's order is canceled after the purchase was paid, its share of the one
 * payment goes back to the shopper; the other cooperatives' shares stay. Nothing to do while the
 * payment is only authorised (cash on delivery, an unpaid transfer). The last step: a refund cannot
 * be taken back.
 */
export const refundCooperativeShareStep = createStep(
  "refund-cooperative-share",
  async ({ order_id, created_by }: { order_id: string; created_by?: string }, { container }) => {
    const purchase = await purchaseOfOrder(container, order_id)
    const share = purchase?.shares.find((s) => s.order_id === order_id)
    if (!purchase?.payment_collection_id || !share) return new StepResponse(null)

    const payment = await capturedPayment(container, purchase.payment_collection_id)
    if (!payment) return new StepResponse(null)
    const amount = Math.min(share.amount, payment.captured - payment.refunded)
    if (amount <= 0) return new StepResponse(null)
    // The refund names its order, so the ledger can tell whose share went back (see lib/ledger/refunds).
    const refund = await container
      .resolve(Modules.PAYMENT)
      .refundPayment({ payment_id: payment.id, amount, created_by, metadata: { order_id } } as any)
    return new StepResponse({ payment_id: payment.id, amount, refund_id: (refund as any)?.id ?? null })
  }
)
