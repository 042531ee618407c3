// What each cooperative status allows, as the server decides it (src/api/vendor/access.ts,
// STATUS_CAPABILITIES): the panel shows a forbidden action as unavailable, with the reason, instead
// of letting the click fail. The server stays the judge; keep this table in step with it.

export type Status = "pending" | "approved" | "suspended" | "rejected"
export type Capability =
  | "view_profile" | "read" | "edit_profile" | "invite_staff" | "revoke_access" | "catalogue"
  | "evidence" | "trace" | "publish_trace" | "reply_reviews" | "handle_orders"

const ALL: Capability[] = [
  "view_profile", "read", "edit_profile", "invite_staff", "revoke_access", "catalogue",
  "evidence", "trace", "publish_trace", "reply_reviews", "handle_orders",
]

export const STATUS_CAPABILITIES: Record<Status, readonly Capability[]> = {
  pending: ["view_profile", "read", "edit_profile", "invite_staff", "revoke_access", "catalogue", "evidence", "trace"],
  approved: ALL,
  suspended: ["view_profile", "read", "revoke_access", "handle_orders"],
  rejected: ["view_profile"],
}

export const can = (status: Status | undefined, capability: Capability) =>
  !!status && STATUS_CAPABILITIES[status]?.includes(capability)
