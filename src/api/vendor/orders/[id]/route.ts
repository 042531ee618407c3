import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../tenant"
import { vendorOrder } from "../view"

export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ order: await vendorOrder(req.scope, req.params.id) })
}
