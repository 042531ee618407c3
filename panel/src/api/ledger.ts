import { useQuery } from "@tanstack/react-query"
import { ApiError, request, sdk } from "../lib/sdk"

export type LedgerLine = {
  id: string
  type: string
  amount: number
  description: string | null
  order: { id: string; display_id: number | null } | null
  occurred_at: string
}
export type Statement = { balance: number; available: number; pending: number; commission_owed: number; entries: LedgerLine[]; count: number }
export type Payout = { id: string; period: string; amount: number; status: string; created_at: string; paid_at?: string | null; reference?: string | null }

export function useLedger(limit = 50) {
  return useQuery({ queryKey: ["ledger", limit], queryFn: () => request<Statement>(`/vendor/ledger?limit=${limit}`) })
}

export function usePayouts() {
  return useQuery({ queryKey: ["payouts"], queryFn: () => request<{ payouts: Payout[] }>("/vendor/payouts?limit=5").then((r) => r.payouts) })
}

export const LEDGER_TYPES = ["sale", "shipping", "commission", "refund", "adjustment", "payout", "payout_reversal", "cash_collected", "failed_delivery"] as const
export type LedgerType = (typeof LEDGER_TYPES)[number]
export const LEDGER_PAGE = 20

/** One page of the ledger's lines (newest first), of one type or all, with the balances. */
export function useLedgerPage(type: LedgerType | null, offset: number) {
  const query = new URLSearchParams({ limit: String(LEDGER_PAGE), offset: String(offset) })
  if (type) query.set("type", type)
  return useQuery({ queryKey: ["ledger", "page", type, offset], queryFn: () => request<Statement>(`/vendor/ledger?${query}`) })
}

/**
 * The ledger as CSV (GET /vendor/ledger/export.csv, the server writes it: whole đồng, Vietnam time),
 * fetched with the bearer token (a plain link would carry no token) and handed to the phone as a file.
 */
export async function downloadLedgerCsv(type: LedgerType | null) {
  const token = await sdk.client.getToken()
  let res: Response
  try {
    res = await fetch(`/vendor/ledger/export.csv${type ? `?type=${type}` : ""}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: "omit" })
  } catch {
    throw new ApiError(0, "network", "network")
  }
  if (!res.ok) {
    const data = await res.json().catch(() => null)
    throw new ApiError(res.status, data?.code ?? `http_${res.status}`, data?.message ?? res.statusText)
  }
  const name = res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? "so-cai.csv"
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement("a")
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}
