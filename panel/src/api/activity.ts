import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type Activity = {
  id: string
  actor_type: "cooperative_user" | "union_admin"
  actor_id: string
  actor_email: string
  action: string
  record_type: string | null
  record_id: string | null
  detail_id: string | null
  created_at: string
}
type Page = { activity: Activity[]; count: number; limit: number; offset: number }

const PAGE = 30

/** The stall's whole activity list (owner, or the union acting for it), newest first, a page at a time. */
export function useActivity(actorType: "" | Activity["actor_type"]) {
  return useInfiniteQuery({
    queryKey: ["activity", actorType],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      request<Page>(`/vendor/activity?limit=${PAGE}&offset=${pageParam}${actorType ? `&actor_type=${actorType}` : ""}`),
    getNextPageParam: (last) => (last.offset + last.activity.length < last.count ? last.offset + last.activity.length : undefined),
  })
}

/** Who changed one record (a product, an order, a lot), for its own page; every member may read it. */
export function useRecordActivity(recordId: string | undefined) {
  return useQuery({
    queryKey: ["activity", "record", recordId],
    enabled: !!recordId,
    queryFn: () => request<Page>(`/vendor/activity?record_id=${encodeURIComponent(recordId!)}&limit=10`).then((r) => r.activity),
  })
}

/** "POST /vendor/orders/:id/fulfillments/:fulfillment_id/ship" → "post_orders_id_fulfillments_id_ship", a locale key. */
export const actionKey = (action: string) => {
  const [method, path = ""] = action.split(" ")
  const parts = path.split("/").filter(Boolean).slice(1).map((s) => (s.startsWith(":") ? "id" : s.replace(/-/g, "_")))
  return [method.toLowerCase(), ...parts].join("_")
}

/** Takes a union admin's one-time code from the URL fragment (#union-handoff=…), once, for an acting token. */
export async function takeUnionHandoff(setToken: (token: string) => Promise<void>): Promise<"none" | "ok" | "failed"> {
  const found = /(?:^#|&)union-handoff=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (!found) return "none"
  // Out of the address bar and the history before anything else, so a reload or a shared link cannot replay it.
  window.history.replaceState(null, "", window.location.pathname + window.location.search)
  try {
    const { token } = await request<{ token: string }>("/auth/union-handoff", { method: "POST", body: { code: found[1] } })
    await setToken(token)
    return "ok"
  } catch {
    return "failed"
  }
}
