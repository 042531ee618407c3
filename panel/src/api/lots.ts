import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { ApiError, request, sdk } from "../lib/sdk"
import { TRACE_EVENT_TYPES } from "./trace-rules"

export { TRACE_EVENT_TYPES }
export type TraceEventType = (typeof TRACE_EVENT_TYPES)[number]

export type TraceEvent = {
  id: string
  type: TraceEventType
  occurred_at: string
  title: string | null
  description: string | null
  attachments: { url: string; name: string }[] | null
  corrects_event_id: string | null
}
export type Lot = {
  id: string
  code: string
  lot_number: string
  product_id: string
  variant_id: string
  quantity: number | null
  unit: string | null
  harvested_on: string | null
  packed_on: string | null
  best_before: string | null
  origin_area: string | null
  origin_ward: string | null
  origin_province: string | null
  growing_area_code: string | null
  status: "draft" | "published"
  published_at: string | null
  scan_count: number
  created_at: string
  variant: { id: string; title: string | null; sku: string | null; gtin: string | null } | null
  links: { trace_url: string; digital_link: string | null; qr_encodes: string }
  events?: TraceEvent[]
}
export type LotInput = {
  variant_id: string
  lot_number?: string
  quantity?: number | null
  unit?: string | null
  harvested_on?: string | null
  packed_on?: string | null
  best_before?: string | null
  origin_area?: string | null
  origin_ward?: string | null
  origin_province?: string | null
  growing_area_code?: string | null
}
export type TraceEventInput = { type: TraceEventType; occurred_at: string; title?: string | null; description?: string | null; corrects_event_id?: string | null }

const lotPath = (id: string, rest = "") => `/vendor/lots/${encodeURIComponent(id)}${rest}` as const

export function useLots() {
  return useQuery({ queryKey: ["lots"], queryFn: () => request<{ lots: Lot[]; count: number }>("/vendor/lots?limit=100") })
}

export function useLot(id: string) {
  return useQuery({ queryKey: ["lot", id], queryFn: () => request<{ lot: Lot }>(lotPath(id)).then((r) => r.lot) })
}

export const createLot = (body: LotInput) => request<{ lot: Lot }>("/vendor/lots", { method: "POST", body }).then((r) => r.lot)

/** A lot's steps and publishing; every change refetches the lot and the list. */
export function useLotAction(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (action: { type: "add_event"; event: TraceEventInput } | { type: "delete_event"; event_id: string } | { type: "publish" } | { type: "delete" }) => {
      switch (action.type) {
        case "add_event":
          return request(lotPath(id, "/events"), { method: "POST", body: action.event })
        case "delete_event":
          return request(lotPath(id, `/events/${encodeURIComponent(action.event_id)}`), { method: "DELETE" })
        case "publish":
          return request(lotPath(id, "/publish"), { method: "POST", body: {} })
        case "delete":
          return request(lotPath(id), { method: "DELETE" })
      }
    },
    onSuccess: (_data, action) =>
      Promise.all([action.type === "delete" ? null : client.invalidateQueries({ queryKey: ["lot", id] }), client.invalidateQueries({ queryKey: ["lots"] })]),
  })
}

/**
 * The lot's QR code as the server draws it (GET /vendor/lots/:id/qr, SVG): what it encodes is the
 * server's trace URL (GS1 Digital Link or /t/{code}). The route needs the bearer token, so an <img>
 * cannot fetch it itself; it becomes a data: URL (the panel's CSP allows data: images).
 */
export function useLotQr(id: string) {
  return useQuery({
    queryKey: ["lot-qr", id],
    staleTime: Infinity,
    queryFn: async () => {
      const token = await sdk.client.getToken()
      const res = await fetch(lotPath(id, "/qr?format=svg"), { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: "omit" })
      if (!res.ok) {
        const data = await res.json().catch(() => null)
        throw new ApiError(res.status, data?.code ?? `http_${res.status}`, data?.message ?? res.statusText)
      }
      const svg = await res.text()
      return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, encodes: res.headers.get("x-qr-content") ?? "" }
    },
  })
}
