import { model } from "@medusajs/framework/utils"

/**
 * Who did what to a cooperative's stall: one row per successful write through /vendor, by its own
 * staff or by a union admin acting for it (a managed stall). Append-only: nothing updates or
 * deletes these rows, so the owner reads the true history of their stall.
 */
export const ACTIVITY_ACTOR_TYPES = ["cooperative_user", "union_admin"] as const

export const CooperativeActivity = model
  .define("cooperative_activity", {
    id: model.id({ prefix: "coopact" }).primaryKey(),
    cooperative_id: model.text(),
    actor_type: model.enum([...ACTIVITY_ACTOR_TYPES]),
    actor_id: model.text(),
    actor_email: model.text(),
    /** The route it went through, e.g. "POST /vendor/products/:id/variants". */
    action: model.text(),
    /** The record the write was about (the first id of its path, or the one it created). */
    record_type: model.text().nullable(),
    record_id: model.text().nullable(),
    /** A nested record of the same write (a variant of the product, a fulfilment of the order). */
    detail_id: model.text().nullable(),
  })
  .indexes([
    { on: ["cooperative_id", "created_at"] },
    { on: ["cooperative_id", "record_id"] },
  ])
