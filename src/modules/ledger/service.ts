import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CommissionRate } from "./models/commission-rate"
import { LedgerEntry } from "./models/ledger-entry"
import { Payout, PayoutRun } from "./models/payout"
import type { LedgerEntryInput } from "./types"

export type CooperativeBalance = {
  cooperative_id: string
  /** Sum of every entry. */
  balance: number
  /** Entries whose available_at has passed: what a payout may take. */
  available: number
  /** Booked but still inside the hold period. */
  pending: number
}

const COLUMNS = [
  "id", "cooperative_id", "type", "amount", "source_type", "source_id", "order_id", "line_item_id", "payout_id",
  "rate_bps", "commission_rate_id", "description", "reason", "created_by", "occurred_at", "available_at",
] as const

class LedgerModuleService extends MedusaService({ LedgerEntry, CommissionRate, Payout, PayoutRun }) {
  /**
   * Appends entries; an entry whose (type, source_type, source_id) is already booked is skipped by
   * the database (ON CONFLICT DO NOTHING), so booking is idempotent however often an event arrives.
   * Returns only the entries this call wrote. Never updates or deletes: the table refuses both.
   */
  @InjectTransactionManager()
  async book(entries: LedgerEntryInput[], @MedusaContext() ctx: Context = {}): Promise<{ id: string; type: string; source_id: string }[]> {
    if (!entries.length) return []
    const values: unknown[] = []
    const rows = entries.map((e) => {
      if (!Number.isInteger(e.amount)) throw new Error(`ledger: ${e.amount} is not a whole number of đồng`)
      const row: Record<(typeof COLUMNS)[number], unknown> = {
        id: generateEntityId(undefined, "ldg"),
        cooperative_id: e.cooperative_id,
        type: e.type,
        amount: e.amount,
        source_type: e.source_type,
        source_id: e.source_id,
        order_id: e.order_id ?? null,
        line_item_id: e.line_item_id ?? null,
        payout_id: e.payout_id ?? null,
        rate_bps: e.rate_bps ?? null,
        commission_rate_id: e.commission_rate_id ?? null,
        description: e.description ?? null,
        reason: e.reason ?? null,
        created_by: e.created_by ?? null,
        occurred_at: e.occurred_at ?? new Date(),
        available_at: e.available_at,
      }
      values.push(...COLUMNS.map((c) => row[c]))
      return `(${COLUMNS.map(() => "?").join(", ")})`
    })
    return await (ctx.transactionManager as any).execute(
      `insert into ledger_entry (${COLUMNS.join(", ")}) values ${rows.join(", ")}
       on conflict ("type", "source_type", "source_id") do nothing
       returning id, type, source_id`,
      values
    )
  }

  /**
   * Balance, available and pending per cooperative at `at`, summed by the database (one grouped
   * query; nothing per entry is loaded).
   */
  @InjectManager()
  async balances(cooperativeIds: string[], at: Date = new Date(), @MedusaContext() ctx: Context = {}): Promise<Map<string, CooperativeBalance>> {
    const result = new Map<string, CooperativeBalance>(
      cooperativeIds.map((id) => [id, { cooperative_id: id, balance: 0, available: 0, pending: 0 }])
    )
    if (!cooperativeIds.length) return result
    const rows: { cooperative_id: string; balance: string; available: string }[] = await (ctx.manager as any).execute(
      `select cooperative_id, coalesce(sum(amount), 0) as balance,
              coalesce(sum(amount) filter (where available_at <= ?), 0) as available
         from ledger_entry where cooperative_id in (?) group by cooperative_id`,
      [at, cooperativeIds]
    )
    for (const row of rows) {
      const balance = Number(row.balance)
      const available = Number(row.available)
      result.set(row.cooperative_id, { cooperative_id: row.cooperative_id, balance, available, pending: balance - available })
    }
    return result
  }
}

export default LedgerModuleService
