import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentShare } from "../../../modules/order-group"

/**
 * When a cooperative's order is canceled after the purchase was paid, its share of the one
 * payment goes back to the shopper; the other cooperatives' shares stay. Nothing to do while the
 * payment is only authorised (cash on delivery, an unpaid transfer). The last step: a refund cannot
 * be taken back.
 */
export const refundCooperativeShareStep = createStep(
  "refund-cooperative-share",
  async ({ order_id, created_by }: { order_id: string; created_by?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "order_group.shares", "order_group.payment_collection_id"],
      filters: { id: order_id },
    })
    const group: any = (orders[0] as any)?.order_group
    const share = (group?.shares as PaymentShare[] | undefined)?.find((s) => s.order_id === order_id)
    if (!group?.payment_collection_id || !share) return new StepResponse(null)

    const paymentModule = container.resolve(Modules.PAYMENT)
    const { data: collections } = await query.graph({
      entity: "payment_collection",
      fields: ["payments.id", "payments.captures.amount", "payments.refunds.amount"],
      filters: { id: group.payment_collection_id },
    })
    const payment: any = ((collections[0] as any)?.payments ?? []).find((p: any) => (p.captures ?? []).length)
    if (!payment) return new StepResponse(null)
    const captured = (payment.captures ?? []).reduce((a: any, c: any) => MathBN.add(a, c.amount), 0)
    const refunded = (payment.refunds ?? []).reduce((a: any, r: any) => MathBN.add(a, r.amount), 0)
    const amount = MathBN.min(share.amount, MathBN.sub(captured, refunded))
    if (MathBN.lte(amount, 0)) return new StepResponse(null)
    // The refund names its order, so the ledger can tell whose share went back (see lib/ledger/refunds).
    const refund = await paymentModule.refundPayment({ payment_id: payment.id, amount, created_by, metadata: { order_id } } as any)
    return new StepResponse({ payment_id: payment.id, amount: Number(amount), refund_id: (refund as any)?.id ?? null })
  }
)
