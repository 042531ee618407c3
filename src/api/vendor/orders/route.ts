import type { MedusaResponse } from "@medusajs/framework/http"
import { cooperativeOrderIds } from "../../../workflows/cooperative/read/ownership"
import type { VendorRequest } from "../tenant"
import { listVendorOrders } from "./view"
import type { z } from "zod"
import type { ListOrdersQuery } from "../validators"

/** GET /vendor/orders?status=&created_from=&created_to=&limit=&offset=: the cooperative's own orders, newest first. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { status, created_from, created_to, limit, offset } = req.validatedQuery as z.infer<typeof ListOrdersQuery>
  const ids = await cooperativeOrderIds(req.scope, req.tenant.cooperative.id)
  // Progress is derived from the order and its fulfilments, so it is filtered after reading.
  const orders = (await listVendorOrders(req.scope, ids, { created_from, created_to })).filter((o) => !status || o.progress === status)
  res.json({ orders: orders.slice(offset, offset + limit), count: orders.length, limit, offset })
}
