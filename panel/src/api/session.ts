import { useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import i18n from "i18next"
import { takeUnionHandoff } from "./activity"
import type { Status } from "../lib/capabilities"
import { ApiError, request, sdk } from "../lib/sdk"

export type Cooperative = {
  id: string
  handle: string
  name: string
  legal_name: string
  tax_code: string
  province: string
  ward: string
  street_address: string
  phone: string
  email: string
  status: Status
  status_reason: string | null
  logo_url: string | null
  description: string | null
  bank_account: { bin: string; account_number: string; account_holder: string; verified_at?: string | null } | null
}
export type Me = {
  user: { id: string; email: string; first_name: string | null; last_name: string | null; role: "owner" | "staff" | "union_admin" }
  cooperative: Cooperative
  /** The union admin acting for the cooperative (a stall the union manages), else null. */
  acting?: { admin_user_id: string; admin_email: string } | null
}

/** Who is signed in: the user and their cooperative, "no_cooperative" for a sign-in that has none yet, or null. */
export type Session = { state: "member"; me: Me } | { state: "no_cooperative" } | { state: "signed_out" }

export function useSession() {
  return useQuery<Session>({
    queryKey: ["session"],
    queryFn: async () => {
      // A union admin arriving from Medusa Admin: the one-time code becomes this tab's token.
      const handoff = await takeUnionHandoff((token) => sdk.client.setToken(token))
      if (handoff === "failed") {
        await sdk.client.clearToken()
        toast.error(i18n.t("union.handoff_failed"))
      }
      if (!(await sdk.client.getToken())) return { state: "signed_out" }
      try {
        return { state: "member", me: await request<Me>("/vendor/me") }
      } catch (e) {
        if (e instanceof ApiError && e.code === "not_a_cooperative_member") return { state: "no_cooperative" }
        if (e instanceof ApiError && e.status === 401) {
          await sdk.client.clearToken()
          return { state: "signed_out" }
        }
        throw e
      }
    },
    staleTime: 30_000,
  })
}

/** The cooperative of the signed-in member (the app renders member pages only with a session). */
export function useMe(): Me {
  const { data } = useSession()
  if (data?.state !== "member") throw new Error("useMe outside a member session")
  return data.me
}

export async function signIn(email: string, password: string) {
  const result = await sdk.auth.login("vendor", "emailpass", { email, password })
  if (typeof result !== "string") throw new Error("unexpected sign-in answer")
}

export async function register(email: string, password: string) {
  await sdk.auth.register("vendor", "emailpass", { email, password })
}

/** A new token for the same sign-in, carrying what changed since (POST /auth/token/refresh). */
export async function refreshToken() {
  await sdk.auth.refresh()
}

/** The registration form: the cooperative's own fields, as it will read them back. */
export type CooperativeInput = Pick<Cooperative, "name" | "legal_name" | "tax_code" | "province" | "ward" | "street_address" | "phone" | "email"> & {
  description?: string | null
  owner?: { first_name?: string | null; last_name?: string | null }
}

export const createCooperative = (body: CooperativeInput) => request<{ cooperative: Cooperative }>("/vendor/cooperatives", { method: "POST", body })

export function useSignOut() {
  const client = useQueryClient()
  return async () => {
    await sdk.auth.logout()
    // The session first, while the shell still observes its query (clear() would drop that query
    // and the page would never hear of the change); then everything the signed-in member had read.
    client.setQueryData(["session"], { state: "signed_out" })
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" })
  }
}
