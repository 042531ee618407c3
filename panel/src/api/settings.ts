import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Cooperative } from "./session"
import { request } from "../lib/sdk"

export type Profile = Cooperative & { registration_number: string | null; founded_year: number | null; member_count: number | null; updated_at: string }
export type ProfileInput = Partial<{
  name: string
  legal_name: string
  province: string
  ward: string
  street_address: string
  phone: string
  email: string
  description: string | null
  founded_year: number | null
  member_count: number | null
}>
export type BankAccountInput = { bin: string; account_number: string; account_holder: string }
export type ShippingOption = { id: string; name: string; description: string | null; amount: number; free_above: number | null; editable: boolean }
export type ShippingOptionInput = { name: string; amount: number; free_above: number | null; description?: string | null }

export function useProfile() {
  return useQuery({ queryKey: ["settings", "profile"], queryFn: () => request<{ cooperative: Profile }>("/vendor/cooperative").then((r) => r.cooperative) })
}

/** Profile and bank account answer with the cooperative; the session (top bar, /vendor/me) reads it again. */
function useCooperativeMutation<I>(fn: (input: I) => Promise<unknown>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["settings"] }), client.invalidateQueries({ queryKey: ["session"] })]),
  })
}

export const useSaveProfile = () => useCooperativeMutation((body: ProfileInput) => request("/vendor/cooperative", { method: "POST", body }))

/** Owners only; a changed account waits for the union's verification before payouts reach it. */
export const useSaveBankAccount = () => useCooperativeMutation((body: BankAccountInput) => request("/vendor/cooperative/bank-account", { method: "POST", body }))

export function useShippingOptions() {
  return useQuery({
    queryKey: ["settings", "shipping"],
    queryFn: () => request<{ shipping_options: ShippingOption[] }>("/vendor/shipping-options").then((r) => r.shipping_options),
  })
}

export function useSaveShippingOption() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: ShippingOptionInput & { id?: string }) =>
      request(id ? `/vendor/shipping-options/${encodeURIComponent(id)}` : "/vendor/shipping-options", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["settings", "shipping"] }),
  })
}

export function useDeleteShippingOption() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => request(`/vendor/shipping-options/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["settings", "shipping"] }),
  })
}
