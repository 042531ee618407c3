import { z } from "zod"
import { optionalText, vndAmount } from "../../../../../../../lib/schemas"
import { FAILED_DELIVERY_REASONS } from "../../../../../../../workflows/order/utils/order-progress"

/** `{ reason, note?, return_shipping_cost }`: why the parcel came back and what the carrier charged for the way back, in whole đồng. */
export const FailDeliveryBody = z
  .object({
    reason: z.enum(FAILED_DELIVERY_REASONS),
    note: optionalText(1000),
    return_shipping_cost: vndAmount,
  })
  .strict()
