import { createInventoryLevelsWorkflow, updateInventoryLevelsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCooperativeOwnershipStep } from "../cooperative/steps/validate-cooperative-ownership"

export type SetCooperativeStockInput = {
  cooperative_id: string
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
}

/**
 * Sets the stocked quantity of an inventory item at the cooperative's warehouse, creating the level
 * the first time. Both the item (it stocks one of the cooperative's products) and the location (the
 * cooperative's own warehouse) are checked before anything is written.
 */
export const setCooperativeStockWorkflow = createWorkflow("set-cooperative-stock", (input: SetCooperativeStockInput) => {
  validateCooperativeOwnershipStep(
    transform({ input }, ({ input }) => ({
      cooperative_id: input.cooperative_id,
      records: [
        { kind: "inventory_item" as const, id: input.inventory_item_id },
        { kind: "stock_location" as const, id: input.location_id },
      ],
    }))
  )
  const { data: levels } = useQueryGraphStep({
    entity: "inventory_level",
    fields: ["id"],
    filters: { inventory_item_id: input.inventory_item_id, location_id: input.location_id },
  })
  const level = transform({ input }, ({ input }) => ({
    inventory_item_id: input.inventory_item_id,
    location_id: input.location_id,
    stocked_quantity: input.stocked_quantity,
  }))
  const updated = when("inventory-level-exists", { levels }, ({ levels }) => levels.length > 0).then(() =>
    updateInventoryLevelsWorkflow.runAsStep({
      input: transform({ levels, level }, ({ levels, level }) => ({ updates: [{ id: levels[0].id, ...level }] })),
    })
  )
  const created = when("inventory-level-missing", { levels }, ({ levels }) => levels.length === 0).then(() =>
    createInventoryLevelsWorkflow.runAsStep({
      input: transform({ level }, ({ level }) => ({ inventory_levels: [level] })),
    })
  )
  return new WorkflowResponse(transform({ updated, created }, ({ updated, created }) => (updated ?? created)![0]))
})

/** The workflow, for callers that want the level back (the route and the seeds). */
export async function setCooperativeStock(container: MedusaContainer, input: SetCooperativeStockInput) {
  const { result } = await setCooperativeStockWorkflow(container).run({ input })
  return result
}
