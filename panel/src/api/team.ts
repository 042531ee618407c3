import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { request } from "../lib/sdk"

export type Role = "owner" | "staff"
export type Member = { id: string; email: string; first_name: string | null; last_name: string | null; phone: string | null; role: Role; created_at: string }
export type InviteStatus = "pending" | "accepted" | "revoked" | "expired"
export type Invite = { id: string; email: string; role: Role; status: InviteStatus; expires_at: string; created_at: string }

export function useMembers() {
  return useQuery({ queryKey: ["team", "users"], queryFn: () => request<{ users: Member[] }>("/vendor/users").then((r) => r.users) })
}

export function useInvites() {
  return useQuery({ queryKey: ["team", "invites"], queryFn: () => request<{ invites: Invite[] }>("/vendor/invites?status=pending").then((r) => r.invites) })
}

function useTeamMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: ["team"] }) })
}

/** The answer carries the invite's token once (the database keeps only its hash): the page shows the link to pass on. */
export const useInvite = () =>
  useTeamMutation((body: { email: string; role: Role }) => request<{ invite: Invite & { token: string } }>("/vendor/invites", { method: "POST", body }).then((r) => r.invite))

export const useRevokeInvite = () => useTeamMutation((id: string) => request(`/vendor/invites/${encodeURIComponent(id)}`, { method: "DELETE" }))

export const useRemoveMember = () => useTeamMutation((id: string) => request(`/vendor/users/${encodeURIComponent(id)}`, { method: "DELETE" }))

/** The link the invitation email carries (src/notifications/invites.ts): the panel's accept-invite page. */
export const inviteLink = (invite: { email: string; token: string }) =>
  `${window.location.origin}/cooperative/accept-invite?${new URLSearchParams({ token: invite.token, email: invite.email })}`

export const acceptInvite = (body: { token: string; first_name?: string | null; last_name?: string | null }) =>
  request<{ user: Member }>("/vendor/invites/accept", { method: "POST", body })
