import { model } from "@medusajs/framework/utils"
import { Cooperative } from "./cooperative"

export const CooperativeInvite = model.define("cooperative_invite", {
  id: model.id({ prefix: "coopinv" }).primaryKey(),
  email: model.text(),
  role: model.enum(["owner", "staff"]).default("staff"),
  token: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  invited_by: model.text(),
  cooperative: model.belongsTo(() => Cooperative, { mappedBy: "invites" }),
})
