import type { MedusaResponse } from "@medusajs/framework/http"
import { cancelCooperativeOrderWorkflow } from "../../../../../workflows/order/cancel-cooperative-order"
import type { VendorRequest } from "../../../tenant"
import { vendorOrder } from "../../view"

/** POST /vendor/orders/:id/cancel: stock back on sale; the order's share refunded if the purchase was paid. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const { result } = await cancelCooperativeOrderWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, order_id: req.params.id, canceled_by: req.tenant.user.id },
  })
  res.json({ order: await vendorOrder(req.scope, req.params.id), refund: result.refund ?? null })
}
