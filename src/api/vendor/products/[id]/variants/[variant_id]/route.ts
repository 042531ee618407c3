import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../../../lib/errors"
import type { VariantInput } from "../../../../../../workflows/product/utils/product-input"
import { deleteCooperativeVariantWorkflow } from "../../../../../../workflows/product/delete-cooperative-variant"
import { updateCooperativeVariantWorkflow } from "../../../../../../workflows/product/update-cooperative-variant"
import type { VendorRequest } from "../../../../tenant"
import { retrieveVendorProduct } from "../../../query"

/**
 * POST /vendor/products/:id/variants/:variant_id: price (whole đồng), SKU, weight… applied at once,
 * also on a published product. The packaging name is fixed once created.
 */
export const POST = async (req: VendorRequest<Partial<VariantInput>>, res: MedusaResponse) => {
  const { title, ...update } = req.validatedBody as Partial<VariantInput>
  if (title !== undefined) {
    throw conflict("variant_title_fixed", "A variant's packaging name cannot change; add a new variant instead.")
  }
  await updateCooperativeVariantWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, product_id: req.params.id, variant_id: req.params.variant_id, update },
  })
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/** DELETE /vendor/products/:id/variants/:variant_id: a product keeps at least one variant. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  await deleteCooperativeVariantWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, product_id: req.params.id, variant_id: req.params.variant_id },
  })
  res.json({ id: req.params.variant_id, object: "variant", deleted: true })
}
