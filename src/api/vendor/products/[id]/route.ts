import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteCooperativeProductWorkflow } from "../../../../workflows/product/delete-cooperative-product"
import { updateCooperativeProductWorkflow } from "../../../../workflows/product/update-cooperative-product"
import type { VendorRequest } from "../../tenant"
import { retrieveVendorProduct } from "../query"

/** GET /vendor/products/:id: the live product, the revision waiting for the union (if any) and the review state. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/**
 * POST /vendor/products/:id: edit; status may only move between draft and proposed. On a
 * published product, content changes wait for the union (see docs/security/moderation.md).
 */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  await updateCooperativeProductWorkflow(req.scope).run({
    input: {
      cooperative_id: req.tenant.cooperative.id,
      product_id: req.params.id,
      update: req.validatedBody as Record<string, unknown>,
      actor_id: req.tenant.user?.id ?? null,
    },
  })
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/** DELETE /vendor/products/:id */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  await deleteCooperativeProductWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, product_id: req.params.id },
  })
  res.json({ id: req.params.id, object: "product", deleted: true })
}
