import { useQuery } from "@tanstack/react-query"
import { request } from "../lib/sdk"

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
