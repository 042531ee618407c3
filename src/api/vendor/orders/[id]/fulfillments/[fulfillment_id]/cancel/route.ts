import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { conflict, notFound } from "../../../../../../../lib/errors"
import { cancelCooperativeFulfillmentWorkflow } from "../../../../../../../workflows/order/cancel-cooperative-fulfillment"
import type { VendorRequest } from "../../../../../tenant"
import { vendorOrder } from "../../../../view"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/cancel: unpack before it ships; the items are reserved again. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "fulfillment", fields: ["id", "shipped_at", "canceled_at"], filters: { id: req.params.fulfillment_id } })
  const fulfillment = data[0]
  // Unknown ids are a 404 here too, whatever the tenant middleware decided.
  if (!fulfillment) throw notFound("Fulfillment", req.params.fulfillment_id)
  if (fulfillment.canceled_at) throw conflict("fulfillment_canceled", "This fulfilment was already canceled.")
  if (fulfillment.shipped_at) throw conflict("already_shipped", "A shipped fulfilment cannot be canceled.")
  await cancelCooperativeFulfillmentWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, order_id: req.params.id, fulfillment_id: req.params.fulfillment_id, canceled_by: req.tenant.user.id },
  })
  res.json({ order: await vendorOrder(req.scope, req.params.id) })
}
