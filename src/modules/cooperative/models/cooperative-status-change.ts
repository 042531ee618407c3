import { model } from "@medusajs/framework/utils"
import { COOPERATIVE_STATUSES } from "../status"
import { Cooperative } from "./cooperative"

// The audit trail of every status decision: who moved the cooperative, from where, to where, and why.
export const CooperativeStatusChange = model.define("cooperative_status_change", {
  id: model.id({ prefix: "coopstc" }).primaryKey(),
  from_status: model.enum([...COOPERATIVE_STATUSES]).nullable(),
  to_status: model.enum([...COOPERATIVE_STATUSES]),
  reason: model.text(),
  actor_type: model.enum(["user", "vendor", "system"]),
  actor_id: model.text(),
  cooperative: model.belongsTo(() => Cooperative, { mappedBy: "status_changes" }),
})
