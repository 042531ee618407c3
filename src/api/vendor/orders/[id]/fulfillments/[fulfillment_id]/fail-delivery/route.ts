import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../../../../../lib/errors"
import { failCooperativeDeliveryWorkflow } from "../../../../../../../workflows/order/fail-cooperative-delivery"
import type { VendorRequest } from "../../../../../tenant"
import { vendorOrder } from "../../../../view"
import type { z } from "zod"
import type { FailDeliveryBody } from "./validators"

/**
 * POST /vendor/orders/:id/fulfillments/:fulfillment_id/fail-delivery `{ reason, note?, return_shipping_cost }`:
 * the shipped parcel came back. Stock back, no sale ever, return shipping booked, a prepaid share
 * refunded (docs/money/failed-deliveries.md). The checks run in the workflow, under the order's lock.
 */
export const POST = async (req: VendorRequest<z.infer<typeof FailDeliveryBody>>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "fulfillment", fields: ["id"], filters: { id: req.params.fulfillment_id } })
  // Unknown ids are a 404 here too, whatever the tenant middleware decided.
  if (!data[0]) throw notFound("Fulfillment", req.params.fulfillment_id)
  const body = req.validatedBody
  const { result } = await failCooperativeDeliveryWorkflow(req.scope).run({
    input: {
      cooperative_id: req.tenant.cooperative.id,
      order_id: req.params.id,
      fulfillment_id: req.params.fulfillment_id,
      reason: body.reason,
      note: body.note ?? null,
      return_shipping_cost: body.return_shipping_cost,
      recorded_by: req.tenant.user.id,
    },
  })
  res.json({
    order: await vendorOrder(req.scope, req.params.id),
    ledger_amount: result.ledger_amount,
    refund: result.refund ? { amount: result.refund.amount, refund_id: result.refund.refund_id } : null,
  })
}
