import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../lib/errors"
import { cooperativeStockLocationId } from "../../../../workflows/cooperative/read/ownership"
import { setCooperativeStock } from "../../../../workflows/inventory/set-cooperative-stock"
import type { VendorRequest } from "../../tenant"
import type { z } from "zod"
import type { SetStockBody } from "../../validators"

/** POST /vendor/inventory/:inventory_item_id: set how many units are in stock at the cooperative's warehouse. */
export const POST = async (req: VendorRequest<z.infer<typeof SetStockBody>>, res: MedusaResponse) => {
  const locationId = await cooperativeStockLocationId(req.scope, req.tenant.cooperative.id)
  if (!locationId) {
    throw conflict("no_warehouse_yet", "Your cooperative gets its warehouse when the union approves it; stock can be set after that.")
  }
  const level = await setCooperativeStock(req.scope, {
    cooperative_id: req.tenant.cooperative.id,
    inventory_item_id: req.params.inventory_item_id,
    location_id: locationId,
    stocked_quantity: req.validatedBody.stocked_quantity,
  })
  res.json({
    inventory_level: {
      inventory_item_id: level.inventory_item_id,
      location_id: level.location_id,
      stocked_quantity: Number(level.stocked_quantity),
      reserved_quantity: Number(level.reserved_quantity),
      available_quantity: Number(level.stocked_quantity) - Number(level.reserved_quantity),
    },
  })
}
