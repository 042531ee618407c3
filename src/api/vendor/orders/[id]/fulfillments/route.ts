import type { MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { conflict, notFound } from "../../../../../lib/errors"
import { cooperativeStockLocationId } from "../../../../../workflows/cooperative/read/ownership"
import { createCooperativeFulfillmentWorkflow } from "../../../../../workflows/order/create-cooperative-fulfillment"
import type { VendorRequest } from "../../../tenant"
import { vendorOrder } from "../../view"

/**
 * POST /vendor/orders/:id/fulfillments: pack the order (all that is left of it, or `items`) from
 * the cooperative's warehouse. Medusa turns the reservations into stock taken out.
 */
export const POST = async (req: VendorRequest<{ items?: { id: string; quantity: number }[] }>, res: MedusaResponse) => {
  const orderId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "items.*", "items.detail.*"],
    filters: { id: orderId },
  })
  type Item = { id: string; quantity: BigNumberInput; detail?: { quantity?: BigNumberInput; fulfilled_quantity?: BigNumberInput } | null }
  const order = data[0] as { status: string; items?: Item[] | null } | undefined
  // Unknown ids are a 404 here too, whatever the tenant middleware decided.
  if (!order) throw notFound("Order", orderId)
  if (order.status === "canceled") throw conflict("order_canceled", "This order is canceled.")
  const left = (order.items ?? [])
    .map((i) => ({ id: i.id, quantity: MathBN.convert(MathBN.sub(i.detail?.quantity ?? i.quantity, i.detail?.fulfilled_quantity ?? 0)).toNumber() }))
    .filter((i) => i.quantity > 0)
  const items = req.validatedBody.items ?? left
  if (!items.length) throw conflict("nothing_to_fulfil", "Every item of this order has already been fulfilled.")

  await createCooperativeFulfillmentWorkflow(req.scope).run({
    input: {
      cooperative_id: req.tenant.cooperative.id,
      order_id: orderId,
      items,
      location_id: (await cooperativeStockLocationId(req.scope, req.tenant.cooperative.id)) ?? undefined,
      created_by: req.tenant.user.id,
    },
  })
  res.status(201).json({ order: await vendorOrder(req.scope, orderId) })
}
