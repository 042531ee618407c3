import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../lib/errors"
import { hasFailedDelivery } from "../utils/order-progress"

/** One lock per order for everything that ends a parcel's journey: delivered, or came back. */
export const orderDeliveryLockKey = (orderId: string) => `order-delivery:${orderId}`

/**
 * An order one of whose parcels came back is never delivered: its sale is never booked (see
 * docs/money/failed-deliveries.md). Runs under orderDeliveryLockKey, so a delivery and a failed
 * delivery recorded at the same moment cannot both pass.
 */
export const refuseAfterFailedDeliveryStep = createStep(
  "refuse-delivery-after-failed-delivery",
  async ({ order_id }: { order_id: string }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "fulfillments.id", "fulfillments.canceled_at", "fulfillments.metadata"],
      filters: { id: order_id },
    })
    if (hasFailedDelivery(data[0])) throw conflict("delivery_failed", "A parcel of this order came back (failed delivery); the order can no longer be delivered.")
    return new StepResponse(undefined)
  }
)
