import type { MedusaResponse } from "@medusajs/framework/http"
import { shipCooperativeOrderWorkflow } from "../../../../../../../workflows/order/ship-cooperative-order"
import type { VendorRequest } from "../../../../../tenant"
import { vendorOrder } from "../../../../view"
import type { z } from "zod"
import type { ShipFulfillmentBody } from "../../../../../validators"

/** POST /vendor/orders/:id/fulfillments/:fulfillment_id/ship `{ carrier, tracking_number, tracking_url? }` */
export const POST = async (req: VendorRequest<z.infer<typeof ShipFulfillmentBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  await shipCooperativeOrderWorkflow(req.scope).run({
    input: { ...body, cooperative_id: req.tenant.cooperative.id, order_id: req.params.id, fulfillment_id: req.params.fulfillment_id, created_by: req.tenant.user.id },
  })
  res.json({ order: await vendorOrder(req.scope, req.params.id) })
}
