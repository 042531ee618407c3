import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderGroupView } from "../view"

// Like Medusa's GET /store/orders/:id, readable by whoever holds the (unguessable) id: the
// confirmation page right after checkout, signed in or not.
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ order_group: await orderGroupView(req.scope, req.params.id) })
}
