import type { MedusaResponse } from "@medusajs/framework/http"
import { deleteProductVariantsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { conflict } from "../../../../../../lib/errors"
import { toMedusaVariant, VariantInput } from "../../../../../../lib/product-input"
import type { VendorRequest } from "../../../../tenant"
import { retrieveVendorProduct } from "../../../query"

/** POST /vendor/products/:id/variants/:variant_id: price (whole đồng), SKU, weight… The packaging name is fixed once created. */
export const POST = async (req: VendorRequest<Partial<VariantInput>>, res: MedusaResponse) => {
  const body = req.validatedBody as Partial<VariantInput>
  if (body.title !== undefined) {
    throw conflict("variant_title_fixed", "A variant's packaging name cannot change; add a new variant instead.")
  }
  const { options: _options, ...update } = toMedusaVariant({ ...body, title: "" })
  await updateProductVariantsWorkflow(req.scope).run({
    input: { selector: { id: req.params.variant_id }, update: update as any },
  })
  res.json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}

/** DELETE /vendor/products/:id/variants/:variant_id: a product keeps at least one variant. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const product = await retrieveVendorProduct(req.scope, req.params.id)
  if (product.variants.length <= 1) {
    throw conflict("last_variant", "A product needs at least one variant; delete the product instead.")
  }
  await deleteProductVariantsWorkflow(req.scope).run({ input: { ids: [req.params.variant_id] } })
  res.json({ id: req.params.variant_id, object: "variant", deleted: true })
}
