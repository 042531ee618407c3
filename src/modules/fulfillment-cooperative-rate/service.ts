import type { CalculateShippingOptionPriceDTO } from "@medusajs/framework/types"
import { AbstractFulfillmentProviderService } from "@medusajs/framework/utils"

/** What a cooperative sets on one of its shipping options, in whole đồng. */
export type CooperativeRateData = { amount: number; free_above?: number | null }

/**
 * Shipping rates cooperatives set themselves: a flat amount, free when the cooperative's own part
 * of the cart reaches `free_above`. A calculated provider because Medusa hands a calculated option
 * only the cart items of its shipping profile, i.e. of its cooperative, and recalculates it when
 * the cart changes; a flat price rule on item_total would see the whole multi-cooperative cart.
 * Parcels are handed over by the cooperative itself, as with the manual provider.
 */
export class CooperativeRateService extends AbstractFulfillmentProviderService {
  static identifier = "cooperative-rate"

  async getFulfillmentOptions() {
    return [{ id: "cooperative-rate" }]
  }

  async validateOption(data: Record<string, unknown>) {
    const { amount, free_above } = data as CooperativeRateData
    return Number.isInteger(amount) && amount >= 0 && (free_above == null || (Number.isInteger(free_above) && free_above >= 0))
  }

  async validateFulfillmentData(_optionData: Record<string, unknown>, data: Record<string, unknown>) {
    return data
  }

  async canCalculate() {
    return true
  }

  async calculatePrice(
    optionData: CalculateShippingOptionPriceDTO["optionData"],
    _data: CalculateShippingOptionPriceDTO["data"],
    context: CalculateShippingOptionPriceDTO["context"]
  ) {
    const { amount, free_above } = optionData as CooperativeRateData
    // The cart items of this option's shipping profile, i.e. of its cooperative (amounts may be BigNumbers).
    const items: { subtotal?: unknown; unit_price?: unknown; quantity?: unknown }[] = context?.items ?? []
    const cooperativeSubtotal = items.reduce(
      (sum, item) => sum + Number(item.subtotal ?? Number(item.unit_price ?? 0) * Number(item.quantity ?? 0)),
      0
    )
    const free = free_above != null && items.length > 0 && cooperativeSubtotal >= free_above
    return { calculated_amount: free ? 0 : amount, is_calculated_price_tax_inclusive: false }
  }

  async createFulfillment() {
    return { data: {}, labels: [] }
  }

  async cancelFulfillment() {
    return {}
  }

  async createReturnFulfillment() {
    return { data: {}, labels: [] }
  }
}
