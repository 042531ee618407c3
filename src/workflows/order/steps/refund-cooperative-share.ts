import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_REFUND_LOCK_TIMEOUT_S, orderRefundLockKey, refundableForOrder } from "../../ledger/read/refunds"

export type ShareRefund = { payment_id: string; amount: number; refund_id: string | null }

/**
 * Gives back whatever may still be refunded for an order (its paid-in share less earlier refunds,
 * see refundableForOrder), under the order's refund lock, so an admin refund at the same moment
 * cannot make the two exceed the share. Nothing when nothing was paid in or all of it is back
 * already, so running it again (a repeated capture event) refunds nothing twice.
 */
export async function refundOrderRemainder(
  container: MedusaContainer,
  { order_id, created_by }: { order_id: string; created_by?: string }
): Promise<ShareRefund | null> {
  return await container.resolve(Modules.LOCKING).execute(
    orderRefundLockKey(order_id),
    async () => {
      const refundable = await refundableForOrder(container, order_id)
      if (!refundable?.payment || refundable.refundable <= 0) return null
      const { payment } = refundable
      const amount = refundable.refundable
      // The refund names its order, so the ledger can tell whose share went back (see workflows/ledger/read/refunds.ts).
      const refunded = await container
        .resolve(Modules.PAYMENT)
        .refundPayment({ payment_id: payment.id, amount, created_by, metadata: { order_id } })
      const refund = (refunded?.refunds ?? []).find((r) => !payment.refund_ids.includes(r.id))
      await container.resolve(Modules.ORDER).addOrderTransactions({
        order_id,
        amount: -amount,
        currency_code: payment.currency_code,
        reference: "refund",
        reference_id: refund?.id,
      })
      return { payment_id: payment.id, amount, refund_id: (refund?.id as string) ?? null }
    },
    { timeout: ORDER_REFUND_LOCK_TIMEOUT_S }
  )
}

/**
 * When a cooperative's order is canceled (or its parcel came back) after the purchase was paid,
 * what remains of its share goes back to the shopper; the other cooperatives' shares stay. Nothing
 * to do while the payment is only authorised (cash on delivery, an unpaid transfer): a capture
 * later refunds it then (refund-canceled-shares). The last step: a refund cannot be taken back.
 */
export const refundCooperativeShareStep = createStep(
  "refund-cooperative-share",
  async ({ order_id, created_by }: { order_id: string; created_by?: string }, { container }) =>
    new StepResponse(await refundOrderRemainder(container, { order_id, created_by }))
)
