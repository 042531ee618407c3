import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cooperativeProductIds, cooperativeStockLocationId } from "../../../workflows/cooperative/read/ownership"
import type { VendorRequest } from "../tenant"

/** GET /vendor/inventory: stock of every variant the cooperative sells, at its own warehouse. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const cooperativeId = req.tenant.cooperative.id
  const [productIds, locationId] = await Promise.all([
    cooperativeProductIds(req.scope, cooperativeId),
    cooperativeStockLocationId(req.scope, cooperativeId),
  ])
  if (!productIds.length) return res.json({ location_id: locationId, inventory: [] })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: [
      "id", "title", "sku", "manage_inventory", "product.id", "product.title",
      "inventory_items.inventory_item_id",
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { product_id: productIds },
  })
  const inventory = variants.flatMap((variant) =>
    (variant.inventory_items ?? []).filter((item) => item !== null).map((item) => {
      const level = (item.inventory?.location_levels ?? []).find((l) => l?.location_id === locationId)
      const stocked = Number(level?.stocked_quantity ?? 0)
      const reserved = Number(level?.reserved_quantity ?? 0)
      return {
        inventory_item_id: item.inventory_item_id,
        variant_id: variant.id,
        variant_title: variant.title,
        sku: variant.sku,
        product_id: variant.product?.id,
        product_title: variant.product?.title,
        stocked_quantity: stocked,
        reserved_quantity: reserved,
        available_quantity: stocked - reserved,
      }
    })
  )
  res.json({ location_id: locationId, inventory })
}
