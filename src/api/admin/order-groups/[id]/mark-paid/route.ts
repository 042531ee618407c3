import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_GROUP_MODULE, OrderGroupModuleService } from "../../../../../modules/order-group"
import { notFound } from "../../../../../lib/errors"
import { markPurchasePaidWorkflow } from "../../../../../workflows/checkout/mark-purchase-paid"
import { orderGroupView } from "../../../../store/order-groups/view"

/** POST /admin/order-groups/:id/mark-paid: the union saw the shopper's bank transfer arrive. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [group] = await (req.scope.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).listOrderGroups({ id: req.params.id })
  if (!group) throw notFound("Order group", req.params.id)
  const { result } = await markPurchasePaidWorkflow(req.scope).run({
    input: { order_group_id: group.id, captured_by: req.auth_context.actor_id },
  })
  res.json({ captured: result.captured, canceled_share_refunds: result.canceled_share_refunds, order_group: await orderGroupView(req.scope, group.id) })
}
