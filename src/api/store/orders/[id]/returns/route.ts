import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestReturnWorkflow } from "../../../../../workflows/return/request-return"
import { returnContext, returnView } from "../../../returns/view"
import type { z } from "zod"
import type { RequestReturnBody } from "../../../returns/validators"

/**
 * POST /store/orders/:id/returns `{ items: [{ line_item_id, quantity }], reason, photos }`: the
 * signed-in shopper asks the cooperative of this order to take back delivered items. `:id` is the
 * cooperative's order (each order of a purchase has its own id; the combined purchase answers under
 * the first one's), and the items must be of that order. Checks in the workflow, under the order's lock.
 */
export const POST = async (req: AuthenticatedMedusaRequest<z.infer<typeof RequestReturnBody>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await requestReturnWorkflow(req.scope).run({
    input: { order_id: req.params.id, customer_id: req.auth_context.actor_id, items: body.items, reason: body.reason, photos: body.photos },
  })
  const ctx = await returnContext(req.scope, [result])
  res.status(201).json({ return: returnView(result, "customer", ctx(result)) })
}
