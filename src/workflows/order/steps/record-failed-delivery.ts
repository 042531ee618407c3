import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FailedDeliveryRecord } from "../utils/order-progress"

/**
 * Writes the failed delivery on the fulfilment's metadata. Medusa merges metadata on update, so
 * restoring the old object would keep the new key: the compensation removes it the way Medusa's
 * merge removes a key (an empty string), which failedDeliveryOf also reads as no record.
 */
export const recordFailedDeliveryStep = createStep(
  "record-failed-delivery",
  async ({ fulfillment_id, metadata, record }: { fulfillment_id: string; metadata: Record<string, unknown>; record: FailedDeliveryRecord }, { container }) => {
    await container.resolve(Modules.FULFILLMENT).updateFulfillment(fulfillment_id, { metadata: { ...metadata, failed_delivery: record } })
    return new StepResponse(undefined, { fulfillment_id, metadata })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container
      .resolve(Modules.FULFILLMENT)
      .updateFulfillment(previous.fulfillment_id, { metadata: { ...previous.metadata, failed_delivery: "" } })
  }
)
