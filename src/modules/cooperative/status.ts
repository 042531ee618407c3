export const COOPERATIVE_STATUSES = ["pending", "approved", "rejected", "suspended"] as const
export type CooperativeStatus = (typeof COOPERATIVE_STATUSES)[number]

export const COOPERATIVE_ACTIONS = ["approve", "reject", "suspend", "reinstate"] as const
export type CooperativeAction = (typeof COOPERATIVE_ACTIONS)[number]

// The whole lifecycle in one table: which status an action may start from, and where it leads.
export const COOPERATIVE_TRANSITIONS: Record<
  CooperativeAction,
  { from: readonly CooperativeStatus[]; to: CooperativeStatus }
> = {
  approve: { from: ["pending"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["approved"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "approved" },
}

/** Only an approved cooperative has a public stall and sells. */
export const isSelling = (status: string | null | undefined) => status === "approved"
