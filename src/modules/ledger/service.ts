import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CommissionRate } from "./models/commission-rate"
import { LedgerEntry } from "./models/ledger-entry"
import { Payout, PayoutRun } from "./models/payout"
import type { LedgerEntryInput, PayoutStatus } from "./types"

export type PayableBalance = { cooperative_id: string; available: number }

export type NewPayout = {
  id: string
  cooperative_id: string
  run_id: string
  period: string
  amount: number
  cutoff_at: Date
  provider: "bank_transfer" | "stripe_connect"
  bank_account?: Record<string, unknown> | null
  vietqr_payload?: string | null
  transfer_message?: string | null
}

export type PayoutTransition = {
  status: PayoutStatus
  reference?: string | null
  failure_reason?: string | null
  decided_by?: string | null
}

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

  /**
   * Cooperatives whose available balance at `cutoff` reaches `minimum`, in id order after `after`,
   * at most `limit` of them: one grouped query per batch (an index scan on (cooperative_id,
   * available_at) including amount), so memory grows with the batch, never with the entries.
   */
  @InjectManager()
  async payableBalances(
    { cutoff, minimum, after = "", limit = 100 }: { cutoff: Date; minimum: number; after?: string; limit?: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<PayableBalance[]> {
    const rows: { cooperative_id: string; available: string }[] = await (ctx.manager as any).execute(
      `select cooperative_id, sum(amount) as available
         from ledger_entry
        where cooperative_id > ? and available_at <= ?
        group by cooperative_id
       having sum(amount) >= ?
        order by cooperative_id
        limit ?`,
      [after, cutoff, minimum, limit]
    )
    return rows.map((r) => ({ cooperative_id: r.cooperative_id, available: Number(r.available) }))
  }

  /**
   * Creates a payout and books its `payout` entry (−amount, available at the cutoff) in one
   * transaction: both or neither. A second payout for the same (cooperative, period) violates the
   * unique index and nothing is written.
   */
  @InjectTransactionManager()
  async recordPayout(payout: NewPayout, @MedusaContext() ctx: Context = {}) {
    const { cutoff_at, ...fields } = payout
    const [created] = await this.createPayouts([{ ...fields, status: "pending" }], ctx)
    await this.book(
      [{
        cooperative_id: payout.cooperative_id,
        type: "payout",
        amount: -payout.amount,
        source_type: "payout",
        source_id: payout.id,
        payout_id: payout.id,
        description: `Payout ${payout.period}`,
        available_at: cutoff_at,
      }],
      ctx
    )
    return created
  }

  /**
   * Moves a payout to `to.status` only if it is in one of `from` (a conditional UPDATE, so two
   * decisions at the same moment cannot both win); a failure books the `payout_reversal` entry that
   * returns the amount to the balance, in the same transaction. Returns null when the payout was
   * not in one of `from`.
   */
  @InjectTransactionManager()
  async transitionPayout(id: string, from: PayoutStatus[], to: PayoutTransition, @MedusaContext() ctx: Context = {}) {
    const manager = ctx.transactionManager as any
    const [row] = await manager.execute(
      `update payout
          set status = ?,
              reference = coalesce(?, reference),
              failure_reason = coalesce(?, failure_reason),
              decided_by = coalesce(?, decided_by),
              paid_at = case when ? = 'paid' then now() else paid_at end,
              failed_at = case when ? = 'failed' then now() else failed_at end,
              updated_at = now()
        where id = ? and status in (?) and deleted_at is null
        returning id, cooperative_id, amount, period`,
      [to.status, to.reference ?? null, to.failure_reason ?? null, to.decided_by ?? null, to.status, to.status, id, from]
    )
    if (!row) return null
    if (to.status === "failed") {
      await this.book(
        [{
          cooperative_id: row.cooperative_id,
          type: "payout_reversal",
          amount: Number(row.amount),
          source_type: "payout",
          source_id: row.id,
          payout_id: row.id,
          description: `Payout ${row.period} failed`,
          reason: to.failure_reason ?? null,
          created_by: to.decided_by ?? null,
          available_at: new Date(),
        }],
        ctx
      )
    }
    return row as { id: string; cooperative_id: string; amount: number; period: string }
  }
}

export default LedgerModuleService
