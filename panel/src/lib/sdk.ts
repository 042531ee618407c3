import Medusa from "@medusajs/js-sdk"

/**
 * Medusa's js-sdk on the same origin: it signs in (`sdk.auth.login("vendor", …)`) and keeps the
 * token as it always does (auth type jwt, localStorage key `medusa_auth_token`). Requests go through
 * `request`, which reads that token and keeps the server's `code` and field `errors` on failure
 * (the sdk's FetchError keeps only the message).
 */
export const sdk = new Medusa({
  baseUrl: window.location.origin,
  auth: { type: "jwt", jwtTokenStorageMethod: "local" },
})

export type FieldIssue = { path: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldIssue[] = []
  ) {
    super(message)
  }
}

type Options = { method?: "GET" | "POST" | "DELETE"; body?: unknown; form?: FormData }

/** Only the routes the panel is for: /vendor and /auth, same origin. */
export async function request<T>(path: `/vendor/${string}` | `/auth/${string}`, { method = "GET", body, form }: Options = {}): Promise<T> {
  const token = await sdk.client.getToken()
  const headers: Record<string, string> = { accept: "application/json" }
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers["content-type"] = "application/json"
  let res: Response
  try {
    res = await fetch(path, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)), credentials: "omit" })
  } catch {
    throw new ApiError(0, "network", "network")
  }
  const data = await res.json().catch(() => null)
  if (!res.ok) {
    if (res.status === 401 && path.startsWith("/vendor/")) onUnauthorized?.()
    throw new ApiError(res.status, data?.code ?? `http_${res.status}`, data?.message ?? res.statusText, Array.isArray(data?.errors) ? data.errors : [])
  }
  return data as T
}

let onUnauthorized: (() => void) | null = null
/** The session layer signs out when the server no longer accepts the token. */
export const setUnauthorizedHandler = (fn: () => void) => (onUnauthorized = fn)
