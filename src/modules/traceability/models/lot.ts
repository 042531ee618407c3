import { model } from "@medusajs/framework/utils"
import { TraceEvent } from "./trace-event"

export const LOT_STATUSES = ["draft", "published"] as const

/**
 * A lot (batch) of one product variant. `code` is the public, random, URL-safe code printed as
 * /t/{code}; `lot_number` is the GS1 AI (10) value printed in the Digital Link form. Calendar days
 * are stored as YYYY-MM-DD text: a harvest day has no time zone. `gtin` is the variant's GTIN
 * (as GTIN-14) when the lot was created: what its Digital Link names. A GTIN and a lot number name
 * at most one lot, across all cooperatives, so a GS1 code always resolves to the same lot.
 */
export const Lot = model
  .define("lot", {
    id: model.id({ prefix: "lot" }).primaryKey(),
    code: model.text().unique(),
    lot_number: model.text(),
    cooperative_id: model.text().index(),
    product_id: model.text().index(),
    variant_id: model.text().index(),
    gtin: model.text().nullable(),
    quantity: model.number().nullable(),
    unit: model.text().nullable(),
    harvested_on: model.text().nullable(),
    packed_on: model.text().nullable(),
    best_before: model.text().nullable(),
    origin_area: model.text().nullable(),
    origin_ward: model.text().nullable(),
    origin_province: model.text().nullable(),
    growing_area_code: model.text().nullable(),
    status: model.enum([...LOT_STATUSES]).default("draft"),
    published_at: model.dateTime().nullable(),
    scan_count: model.number().default(0),
    last_scanned_at: model.dateTime().nullable(),
    events: model.hasMany(() => TraceEvent, { mappedBy: "lot" }),
  })
  .indexes([
    { on: ["variant_id", "lot_number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["gtin", "lot_number"], unique: true, where: "deleted_at IS NULL AND gtin IS NOT NULL" },
  ])
  .cascades({ delete: ["events"] })
