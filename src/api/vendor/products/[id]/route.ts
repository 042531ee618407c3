import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { VendorRequest } from "../../tenant"
import { retrieveVendorProduct } from "../query"

/** GET /vendor/products/:id (ownership is checked by the tenant middleware). */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/** POST /vendor/products/:id: edit; status may only move between draft and proposed. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  await updateProductsWorkflow(req.scope).run({
    input: { selector: { id: req.params.id }, update: req.validatedBody as any },
  })
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/** DELETE /vendor/products/:id */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "product", deleted: true })
}
