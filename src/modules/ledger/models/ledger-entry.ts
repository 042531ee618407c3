import { model } from "@medusajs/framework/utils"
import { LEDGER_ENTRY_TYPES, LEDGER_SOURCE_TYPES } from "../types"

/**
 * One line of a cooperative's account with the union, in signed integer VND. Append-only: nothing
 * updates or deletes a line (a correction is a new line). The unique index on
 * (type, source_type, source_id) makes booking the same source twice impossible, so event handlers
 * may run as often as the event bus delivers.
 */
export const LedgerEntry = model
  .define("ledger_entry", {
    id: model.id({ prefix: "ldg" }).primaryKey(),
    cooperative_id: model.text(),
    type: model.enum([...LEDGER_ENTRY_TYPES]),
    /** bigint in the database (Migration20261201100500), at most MAX_VND either way. */
    amount: model.number(),
    source_type: model.enum([...LEDGER_SOURCE_TYPES]),
    source_id: model.text(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    payout_id: model.text().nullable(),
    rate_bps: model.number().nullable(),
    commission_rate_id: model.text().nullable(),
    description: model.text().nullable(),
    reason: model.text().nullable(),
    created_by: model.text().nullable(),
    occurred_at: model.dateTime(),
    available_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_ledger_entry_source_once", on: ["type", "source_type", "source_id"], unique: true },
    { on: ["cooperative_id", "available_at"] },
    { on: ["cooperative_id", "occurred_at"] },
    { on: ["order_id"] },
    { on: ["payout_id"] },
  ])
