import { model } from "@medusajs/framework/utils"

/**
 * A carrier under the union's contract collected an order's cash on delivery and remitted it to the
 * union (recorded by a union admin, or imported from the carrier's remittance statement). Until it
 * exists, the union holds nothing for that order and its sale is not payable. One per order.
 */
export const CodRemittance = model
  .define("cod_remittance", {
    id: model.id({ prefix: "codrem" }).primaryKey(),
    order_id: model.text(),
    order_group_id: model.text(),
    cooperative_id: model.text(),
    /** The carrier that remitted (e.g. "ghn", "ghtk", "vnpost", "viettelpost"). */
    carrier: model.text(),
    /** Whole đồng the carrier remitted for this order; bigint in the database, at most MAX_VND. */
    amount: model.number(),
    /** The carrier's statement or transfer reference. */
    reference: model.text().nullable(),
    remitted_at: model.dateTime(),
    recorded_by: model.text().nullable(),
    /** "admin" (one by one) or "csv" (a statement import). */
    source: model.text().default("admin"),
  })
  .indexes([
    { name: "IDX_cod_remittance_order_once", on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["cooperative_id"] },
    { on: ["order_group_id"] },
  ])
