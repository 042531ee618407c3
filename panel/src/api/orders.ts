import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type Progress = "pending" | "fulfilled" | "shipped" | "delivered" | "canceled" | "returned"
export type Fulfillment = {
  id: string
  created_at: string
  shipped_at: string | null
  delivered_at: string | null
  canceled_at: string | null
  carrier: string | null
  tracking_numbers: string[]
}
export type Order = {
  id: string
  display_id: number
  progress: Progress
  email: string
  created_at: string
  item_total: number
  shipping_total: number
  total: number
  payment_share?: number
  payment_provider_id: string | null
  items: { id: string; product_title: string; variant_title: string; thumbnail: string | null; quantity: number; unit_price: number; total: number }[]
  shipping_methods: { id: string; name: string; amount: number }[]
  shipping_address: { first_name?: string; last_name?: string; address_1?: string; city?: string; province?: string; phone?: string } | null
  fulfillments: Fulfillment[]
}

export function useOrders(status?: Progress) {
  return useQuery({
    queryKey: ["orders", status ?? "all"],
    queryFn: () => request<{ orders: Order[]; count: number }>(`/vendor/orders?limit=100${status ? `&status=${status}` : ""}`),
  })
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ["order", id], queryFn: () => request<{ order: Order }>(`/vendor/orders/${encodeURIComponent(id)}`).then((r) => r.order) })
}

const path = (id: string, rest = "") => `/vendor/orders/${encodeURIComponent(id)}${rest}` as const

/** The open (not cancelled) fulfilment of an order: the parcel being packed, shipped or delivered. */
export const openFulfillment = (order: Order) => order.fulfillments.find((f) => !f.canceled_at) ?? null

export function useOrderAction(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (action: { type: "pack" } | { type: "ship"; carrier: string; tracking_number: string } | { type: "deliver" } | { type: "cancel_parcel" } | { type: "cancel"; reason?: string }) => {
      const order = client.getQueryData<Order>(["order", id])
      const parcel = order ? openFulfillment(order) : null
      const f = (verb: string) => path(id, `/fulfillments/${encodeURIComponent(parcel?.id ?? "")}/${verb}`)
      switch (action.type) {
        case "pack":
          return request(path(id, "/fulfillments"), { method: "POST", body: {} })
        case "ship":
          return request(f("ship"), { method: "POST", body: { carrier: action.carrier, tracking_number: action.tracking_number } })
        case "deliver":
          return request(f("deliver"), { method: "POST", body: {} })
        case "cancel_parcel":
          return request(f("cancel"), { method: "POST", body: {} })
        case "cancel":
          return request(path(id, "/cancel"), { method: "POST", body: action.reason ? { reason: action.reason } : {} })
      }
    },
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["order", id] }), client.invalidateQueries({ queryKey: ["orders"] }), client.invalidateQueries({ queryKey: ["ledger"] })]),
  })
}
