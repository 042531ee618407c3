import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../lib/errors"
import { shapeVendorProduct } from "../../../workflows/product/utils/product-input"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService, revisionView, type LiveProduct } from "../../../modules/product-revision"

export const VENDOR_PRODUCT_FIELDS = [
  "id", "title", "subtitle", "description", "handle", "status", "thumbnail", "weight", "origin_country",
  "metadata", "created_at", "updated_at",
  "images.id", "images.url",
  "options.id", "options.title", "options.values.value",
  "variants.id", "variants.title", "variants.sku", "variants.barcode", "variants.weight",
  "variants.manage_inventory", "variants.allow_backorder",
  "variants.prices.amount", "variants.prices.currency_code",
  "variants.inventory_items.inventory_item_id",
]

/**
 * Where the product stands with the union: `changes_pending` (live, edits waiting), otherwise its
 * status. The product's own fields are always the live version; `revision.proposed` is the waiting one.
 */
function reviewState(product: { status: string }, revision: { status: string } | undefined) {
  if (revision?.status === "pending") return "changes_pending"
  if (product.status === "published" && revision?.status === "rejected") return "changes_rejected"
  return product.status
}

/** The vendor's view of its products: live fields, plus the revision waiting (or last decided) and the review state. */
/** A product read with VENDOR_PRODUCT_FIELDS. */
type VendorProductRow = LiveProduct & { id: string; status: string }

export async function shapeVendorProducts(container: MedusaContainer, products: VendorProductRow[]) {
  const revisions = await (container.resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).currentRevisions(
    products.map((p) => p.id)
  )
  return products.map((product) => {
    const revision = revisions.get(product.id)
    return {
      ...shapeVendorProduct(product),
      review_state: reviewState(product, revision),
      revision: revision ? revisionView(product, revision) : null,
    }
  })
}

export async function retrieveVendorProduct(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: VENDOR_PRODUCT_FIELDS, filters: { id } })
  if (!data[0]) throw notFound("Product", id)
  return (await shapeVendorProducts(container, data))[0]
}
