import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_GROUP_MODULE, OrderGroupModuleService, PaymentShare } from "../../../modules/order-group"
import { hasFailedDelivery } from "../../order/utils/order-progress"
import { refundOrderRemainder, ShareRefund } from "../../order/steps/refund-cooperative-share"
import { messageOf } from "../../../lib/errors"

export type CanceledShareRefund = ShareRefund & { order_id: string }

/**
 * A purchase's payment was captured (the union marked the transfer received, the bank notified,
 * Stripe captured): the share of every order of it that was canceled, or whose parcel came back,
 * before the money arrived is given back at once, so the union never keeps money for goods it
 * will not deliver. Each refund takes the order's
 * refund lock and gives back only what remains, so a repeated capture event refunds nothing twice.
 * Give it the purchase, or the captured payment.
 */
export const refundCanceledSharesStep = createStep(
  "refund-canceled-shares",
  async (input: { order_group_id?: string; payment_id?: string; created_by?: string }, { container }) => {
    const groups = container.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService
    let group: { shares: unknown } | undefined
    if (input.order_group_id) [group] = await groups.listOrderGroups({ id: input.order_group_id })
    else if (input.payment_id) {
      const [payment] = await container.resolve(Modules.PAYMENT).listPayments({ id: input.payment_id }, { select: ["payment_collection_id"] })
      if (payment?.payment_collection_id) [group] = await groups.listOrderGroups({ payment_collection_id: payment.payment_collection_id })
    }
    const shares = ((group?.shares as unknown as PaymentShare[]) ?? [])
    if (!shares.length) return new StepResponse([] as CanceledShareRefund[])

    const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "status", "fulfillments.canceled_at", "fulfillments.metadata"],
      filters: { id: shares.map((s) => s.order_id) },
    })
    const refunds: CanceledShareRefund[] = []
    for (const order of orders) {
      // A parcel that came back (it may have left before the money arrived) is as undelivered as a canceled order.
      if (order.status !== "canceled" && !hasFailedDelivery(order)) continue
      // One order's failure (a lock held too long) must not undo the capture nor stop the others:
      // the payment.captured event runs this again.
      try {
        const refund = await refundOrderRemainder(container, { order_id: order.id, created_by: input.created_by })
        if (refund) refunds.push({ order_id: order.id, ...refund })
      } catch (e) {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`refunds: canceled order ${order.id}'s share was not refunded at capture: ${messageOf(e)}`)
      }
    }
    return new StepResponse(refunds)
  }
)
