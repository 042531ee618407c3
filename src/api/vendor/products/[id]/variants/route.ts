import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../../lib/errors"
import { PACKAGING_OPTION, VariantInput } from "../../../../../lib/product-input"
import { addProductVariantWorkflow } from "../../../../../workflows/product/add-product-variant"
import type { VendorRequest } from "../../../tenant"
import { retrieveVendorProduct } from "../../query"

/** POST /vendor/products/:id/variants: a new packaging (e.g. "Hộp 500g") with its VND price. */
export const POST = async (req: VendorRequest<VariantInput>, res: MedusaResponse) => {
  const body = req.validatedBody as VariantInput
  const product = await retrieveVendorProduct(req.scope, req.params.id)
  if (product.variants.some((v: any) => v.title.toLowerCase() === body.title.toLowerCase())) {
    throw conflict("variant_title_taken", `This product already has a variant "${body.title}".`)
  }
  const option = (product.options ?? []).find((o: any) => o.title === PACKAGING_OPTION)
  if (!option || product.options.length !== 1) {
    throw conflict("unsupported_options", `Variants can be added here to products with the single option "${PACKAGING_OPTION}".`)
  }
  await addProductVariantWorkflow(req.scope).run({
    input: {
      product_id: product.id,
      packaging_option_id: option.id,
      variant: body,
    },
  })
  res.status(201).json({ product: await retrieveVendorProduct(req.scope, product.id) })
}
