import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderGroupView } from "../../../store/order-groups/view"

/** GET /admin/order-groups/:id: a purchase with every cooperative's order and the payment. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ order_group: await orderGroupView(req.scope, req.params.id, { internal: true }) })
}
