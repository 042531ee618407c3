import type { MedusaResponse } from "@medusajs/framework/http"
import type { VariantInput } from "../../../../../workflows/product/utils/product-input"
import { addProductVariantWorkflow } from "../../../../../workflows/product/add-product-variant"
import type { VendorRequest } from "../../../tenant"
import { retrieveVendorProduct } from "../../query"

/** POST /vendor/products/:id/variants: a new packaging (e.g. "Hộp 500g") with its VND price. */
export const POST = async (req: VendorRequest<VariantInput>, res: MedusaResponse) => {
  await addProductVariantWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, product_id: req.params.id, variant: req.validatedBody as VariantInput },
  })
  res.status(201).json({ product: await retrieveVendorProduct(req.scope, req.params.id) })
}
