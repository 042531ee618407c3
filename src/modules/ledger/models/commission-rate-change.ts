import { model } from "@medusajs/framework/utils"
import { COMMISSION_RATE_ACTIONS, COMMISSION_SCOPES } from "../types"

/**
 * One change of a commission rule: who, when, which target, the rate before and after, and why.
 * Written in the same transaction as the change itself (LedgerModuleService.changeCommissionRate),
 * so no change of a rate escapes it; append-only, like the ledger (the database refuses UPDATE and
 * DELETE). `old_rate_bps` is null for a rule created, `new_rate_bps` null for a rule removed.
 */
export const CommissionRateChange = model
  .define("commission_rate_change", {
    id: model.id({ prefix: "comrchg" }).primaryKey(),
    commission_rate_id: model.text(),
    action: model.enum([...COMMISSION_RATE_ACTIONS]),
    scope: model.enum([...COMMISSION_SCOPES]),
    cooperative_id: model.text().nullable(),
    category_id: model.text().nullable(),
    old_rate_bps: model.number().nullable(),
    new_rate_bps: model.number().nullable(),
    reason: model.text().nullable(),
    actor_id: model.text().nullable(),
    actor_email: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_commission_rate_change_created_at", on: ["created_at"] },
    { name: "IDX_commission_rate_change_cooperative_id", on: ["cooperative_id", "created_at"] },
    { name: "IDX_commission_rate_change_rate_id", on: ["commission_rate_id", "created_at"] },
  ])
