import { model } from "@medusajs/framework/utils"
import { PAYOUT_PROVIDERS, PAYOUT_RUN_STATUSES, PAYOUT_STATUSES } from "../types"

/**
 * A run pays every cooperative whose available balance reaches the minimum, once per period:
 * (cooperative_id, period) is unique on payouts, and `period` is unique on runs.
 */
export const PayoutRun = model
  .define("payout_run", {
    id: model.id({ prefix: "prun" }).primaryKey(),
    /** e.g. "2026-W48"; what "once per period" means. */
    period: model.text(),
    /** Entries available at or before this instant are paid. */
    cutoff_at: model.dateTime(),
    status: model.enum([...PAYOUT_RUN_STATUSES]).default("running"),
    triggered_by: model.text().nullable(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    payout_count: model.number().default(0),
    payout_total: model.number().default(0),
    /** [{ cooperative_id, reason, balance }]: who was not paid and why. */
    skipped: model.json().nullable(),
    /** [{ cooperative_id, reason, available, payout_id? }]: whose payout failed and why; a later run retries them. */
    failures: model.json().nullable(),
  })
  .indexes([{ name: "IDX_payout_run_period_unique", on: ["period"], unique: true, where: "deleted_at IS NULL" }])

export const Payout = model
  .define("payout", {
    id: model.id({ prefix: "po" }).primaryKey(),
    cooperative_id: model.text(),
    run_id: model.text().nullable(),
    period: model.text(),
    /** bigint in the database (Migration20261201100500), at most MAX_VND. */
    amount: model.number(),
    currency_code: model.text().default("vnd"),
    provider: model.enum([...PAYOUT_PROVIDERS]).default("bank_transfer"),
    status: model.enum([...PAYOUT_STATUSES]).default("pending"),
    /** The bank account as it was when the payout was made (bin, account_number, holder). */
    bank_account: model.json().nullable(),
    /** Bank transfer: the VietQR payload the finance officer scans. */
    vietqr_payload: model.text().nullable(),
    transfer_message: model.text().nullable(),
    /** The bank's reference (bank transfer) or Stripe transfer id. */
    reference: model.text().nullable(),
    failure_reason: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
    decided_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_payout_once_per_period", on: ["cooperative_id", "period"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "created_at"] },
    { on: ["run_id"] },
  ])
