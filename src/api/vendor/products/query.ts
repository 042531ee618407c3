import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notFound } from "../../../lib/errors"
import { shapeVendorProduct } from "../../../lib/product-input"

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

export async function retrieveVendorProduct(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: VENDOR_PRODUCT_FIELDS, filters: { id } })
  if (!data[0]) throw notFound("Product", id)
  return shapeVendorProduct(data[0])
}
