import { useQuery } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type PayoutStatus = "pending" | "processing" | "paid" | "failed"
export type PayoutSummary = {
  id: string
  period: string
  amount: number
  status: PayoutStatus
  provider: string | null
  reference: string | null
  failure_reason: string | null
  transfer_message: string | null
  bank_account: { bin?: string; account_number?: string; account_holder?: string } | null
  created_at: string
  paid_at: string | null
  failed_at: string | null
}
export type PayoutDetail = PayoutSummary & {
  ledger_entries: { id: string; type: string; amount: number; occurred_at: string; reason: string | null }[]
}

export const PAYOUTS_PAGE = 20

export function usePayoutList(offset: number) {
  return useQuery({
    queryKey: ["payouts", "list", offset],
    queryFn: () => request<{ payouts: PayoutSummary[]; count: number }>(`/vendor/payouts?limit=${PAYOUTS_PAGE}&offset=${offset}`),
  })
}

export function usePayout(id: string) {
  return useQuery({
    queryKey: ["payout", id],
    queryFn: () => request<{ payout: PayoutDetail }>(`/vendor/payouts/${encodeURIComponent(id)}`).then((r) => r.payout),
  })
}
