import { model } from "@medusajs/framework/utils"

/**
 * A one-time code a union admin's browser hands to the cooperative panel, exchanged once for an
 * acting token (POST /auth/union-handoff). Only the code's SHA-256 is stored; it lives two minutes.
 */
export const UnionHandoff = model
  .define("union_handoff", {
    id: model.id({ prefix: "coophof" }).primaryKey(),
    code_hash: model.text(),
    cooperative_id: model.text(),
    admin_user_id: model.text(),
    admin_email: model.text(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["code_hash"], unique: true }])
