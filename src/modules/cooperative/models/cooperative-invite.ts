import { model } from "@medusajs/framework/utils"
import { Cooperative } from "./cooperative"

/**
 * An invitation to join a cooperative's staff. Only the SHA-256 of the token is stored (see
 * ../invite-token.ts): whoever reads the table cannot accept an invite. An invite is pending until
 * it is accepted, revoked by an owner, or expires.
 */
export const CooperativeInvite = model.define("cooperative_invite", {
  id: model.id({ prefix: "coopinv" }).primaryKey(),
  email: model.text(),
  role: model.enum(["owner", "staff"]).default("staff"),
  token_hash: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  revoked_at: model.dateTime().nullable(),
  revoked_by: model.text().nullable(),
  invited_by: model.text(),
  cooperative: model.belongsTo(() => Cooperative, { mappedBy: "invites" }),
})
