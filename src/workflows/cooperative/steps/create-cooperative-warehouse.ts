import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CreateCooperativeWarehouseInput = {
  cooperative: { id: string; name: string; handle: string; province: string; ward: string; street_address: string; phone: string }
}

/**
 * The stock location a cooperative ships from, with a fulfilment set whose service zone covers
 * Vietnam. Links and shipping options are added by the workflow after this step.
 */
export const createCooperativeWarehouseStep = createStep(
  "create-cooperative-warehouse",
  async ({ cooperative }: CreateCooperativeWarehouseInput, { container }) => {
    const stockLocationModule = container.resolve(Modules.STOCK_LOCATION)
    const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

    const location = await stockLocationModule.createStockLocations({
      name: `Kho ${cooperative.name}`,
      address: {
        address_1: cooperative.street_address,
        city: cooperative.ward,
        province: cooperative.province,
        country_code: "vn",
        phone: cooperative.phone,
      },
      metadata: { cooperative_id: cooperative.id },
    })
    const fulfillmentSet = await fulfillmentModule.createFulfillmentSets({
      name: `shipping-${cooperative.id}`,
      type: "shipping",
      service_zones: [{ name: `Việt Nam (${cooperative.handle})`, geo_zones: [{ type: "country", country_code: "vn" }] }],
    })
    return new StepResponse(
      { location, fulfillment_set_id: fulfillmentSet.id, service_zone_id: fulfillmentSet.service_zones[0].id },
      { location_id: location.id, fulfillment_set_id: fulfillmentSet.id }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.FULFILLMENT).deleteFulfillmentSets(undo.fulfillment_set_id)
    await container.resolve(Modules.STOCK_LOCATION).deleteStockLocations(undo.location_id)
  }
)
