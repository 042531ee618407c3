import { useQuery } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type StockLine = {
  inventory_item_id: string
  variant_id: string
  variant_title: string
  sku: string | null
  product_id: string
  product_title: string
  stocked_quantity: number
  reserved_quantity: number
  available_quantity: number
}

/** At or under this many units a packaging shows as low stock on the home page. */
export const LOW_STOCK = 5

export function useInventory() {
  // location_id is null until the union approves the cooperative (its warehouse is made then).
  return useQuery({ queryKey: ["inventory"], queryFn: () => request<{ location_id: string | null; inventory: StockLine[] }>("/vendor/inventory") })
}

export const setStock = (inventoryItemId: string, stocked_quantity: number) =>
  request(`/vendor/inventory/${encodeURIComponent(inventoryItemId)}`, { method: "POST", body: { stocked_quantity } })
