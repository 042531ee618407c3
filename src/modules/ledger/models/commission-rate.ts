import { model } from "@medusajs/framework/utils"
import { COMMISSION_SCOPES } from "../types"

/**
 * A commission rule in basis points (1,000 = 10 %). One rule per scope target: the union-wide
 * default, a cooperative, a product category, or a cooperative within a category. The most
 * specific rule that matches a sale line applies; the line stores the rate it used, so changing a
 * rule never rewrites the past.
 */
export const CommissionRate = model
  .define("commission_rate", {
    id: model.id({ prefix: "comrate" }).primaryKey(),
    scope: model.enum([...COMMISSION_SCOPES]),
    cooperative_id: model.text().nullable(),
    category_id: model.text().nullable(),
    rate_bps: model.number(),
    note: model.text().nullable(),
    updated_by: model.text().nullable(),
  })
  .indexes([
    // Written by hand in the migration too: COALESCE so that nulls collide.
    { name: "IDX_commission_rate_target", on: ["scope", "cooperative_id", "category_id"], unique: true, where: "deleted_at IS NULL" },
  ])
