import { useCallback, useEffect, useState } from "react"

declare const __BACKEND_URL__: string | undefined

// The admin's own session cookie authenticates these calls, exactly like the dashboard's.
const base = () => (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__ ? __BACKEND_URL__.replace(/\/$/, "") : "")

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string | undefined, message: string) {
    super(message)
  }
}

export async function adminFetch<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${base()}${path}`, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, data?.code, data?.message ?? res.statusText)
  return data as T
}

/** GET `path` (re-fetched when it changes or on `reload()`). */
export function useAdminGet<T = unknown>(path: string | null) {
  // The answer remembers which request it answers: loading is "the last answer is not for this
  // request", and the previous data stays on screen meanwhile.
  const [answer, setAnswer] = useState<{ key: string; data: T | null; error: ApiError | null } | null>(null)
  const [tick, setTick] = useState(0)
  const key = `${path}#${tick}`
  useEffect(() => {
    if (!path) return
    let live = true
    adminFetch<T>(path).then(
      (data) => live && setAnswer({ key, data, error: null }),
      (error) => live && setAnswer({ key, data: null, error })
    )
    return () => {
      live = false
    }
  }, [path, key])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data: answer?.data ?? null, error: answer?.error ?? null, loading: answer?.key !== key, reload }
}

export const query = (params: Record<string, string | number | undefined | null>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ""
}

export const formatDate = (value: string | null | undefined) => (value ? new Date(value).toLocaleDateString("vi-VN") : "—")

/** Whole đồng, grouped the Vietnamese way: 1.234.500 ₫ (VND has no minor unit). */
export const formatVnd = (value: number | string | null | undefined) =>
  value === null || value === undefined || value === "" ? "—" : `${Math.round(Number(value)).toLocaleString("vi-VN")} ₫`

/** An absolute URL on the backend, for <img src> and download links (the session cookie goes along). */
export const backendUrl = (path: string) => `${base()}${path}`
