import { createInventoryLevelsWorkflow, updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Sets the stocked quantity of an inventory item at the cooperative's warehouse, creating the level the first time. */
export async function setCooperativeStock(
  container: MedusaContainer,
  input: { inventory_item_id: string; location_id: string; stocked_quantity: number }
) {
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: input.inventory_item_id, location_id: input.location_id })
  if (level) {
    const { result } = await updateInventoryLevelsWorkflow(container).run({
      input: { updates: [{ id: level.id, inventory_item_id: input.inventory_item_id, location_id: input.location_id, stocked_quantity: input.stocked_quantity }] },
    })
    return result[0]
  }
  const { result } = await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: [input] },
  })
  return result[0]
}
