import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CodRemittance } from "./models/cod-remittance"
import { CommissionRate } from "./models/commission-rate"
import { CommissionRateChange } from "./models/commission-rate-change"
import { LedgerEntry } from "./models/ledger-entry"
import { Payout, PayoutRun } from "./models/payout"
import type { CommissionRateAction, CommissionScope, LedgerEntryInput, PayoutStatus } from "./types"
import { numbersOut, vndFromDb } from "../../lib/money"

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
  /**
   * A failure returns the amount from now on (the bank sent it back today), or, for a transfer that
   * never left, from the payout's own cutoff: the money was owed then and still is, so the next
   * period's run pays it.
   */
  returned_from?: "now" | "payout_cutoff"
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

/** Money columns are bigint; the ORM hands them over as strings, this module hands out numbers. */
const withNumbers = (field: string) => (rows: unknown): unknown => {
  const fix = (row: unknown) =>
    row && typeof row === "object" && field in row ? { ...row, [field]: vndFromDb((row as Record<string, unknown>)[field]) } : row
  return Array.isArray(rows) ? rows.map(fix) : fix(rows)
}
const amounts = withNumbers("amount")
const runTotals = withNumbers("payout_total")
const counted = (fix: (rows: unknown) => unknown) => ([rows, count]: [unknown, number]): [unknown, number] => [fix(rows), count]

export type StripeReversal = {
  payout_id: string
  /** The Stripe event: one booking per event, however often it is delivered. */
  event_id: string
  /** Stripe's running total reversed on the transfer, as the event carries it. */
  amount_reversed: number
  reference?: string | null
}

/** Who changes a commission rate, and why (kept in its history). */
export type CommissionRateActor = { actor_id: string | null; actor_email: string | null; reason?: string | null }

export type CommissionRateChangeRequest = CommissionRateActor &
  (
    | { action: "create"; scope: CommissionScope; cooperative_id: string | null; category_id: string | null; rate_bps: number; note?: string | null }
    | { action: "update"; id: string; rate_bps: number; note?: string | null }
    | { action: "delete"; id: string }
  )

export type CommissionRateRow = {
  id: string
  scope: CommissionScope
  cooperative_id: string | null
  category_id: string | null
  rate_bps: number
  note: string | null
  updated_by: string | null
  created_at: Date
  updated_at: Date
  deleted_at: Date | null
}

export type CommissionRateChangeRow = {
  id: string
  commission_rate_id: string
  action: CommissionRateAction
  scope: CommissionScope
  cooperative_id: string | null
  category_id: string | null
  old_rate_bps: number | null
  new_rate_bps: number | null
  reason: string | null
  actor_id: string | null
  actor_email: string | null
  created_at: Date
}

/** null: no live rule with that id (unknown or already deleted). */
export type CommissionRateChangeResult = { rate: CommissionRateRow; change: CommissionRateChangeRow | null } | null

const LedgerServiceBase = MedusaService({ LedgerEntry, CommissionRate, CommissionRateChange, Payout, PayoutRun, CodRemittance })

class LedgerModuleService extends LedgerServiceBase {
  constructor(...args: ConstructorParameters<typeof LedgerServiceBase>) {
    super(...args)
    // The generated methods keep their signatures; only the amounts they hand out become numbers.
    numbersOut(this, {
      listLedgerEntries: amounts, listAndCountLedgerEntries: counted(amounts), retrieveLedgerEntry: amounts,
      listPayouts: amounts, listAndCountPayouts: counted(amounts), retrievePayout: amounts, createPayouts: amounts,
      listCodRemittances: amounts, listAndCountCodRemittances: counted(amounts), retrieveCodRemittance: amounts, createCodRemittances: amounts,
      listPayoutRuns: runTotals, listAndCountPayoutRuns: counted(runTotals), retrievePayoutRun: runTotals, updatePayoutRuns: runTotals,
    })
  }

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
    return await (ctx.transactionManager as SqlEntityManager).execute(
      `insert into ledger_entry (${COLUMNS.join(", ")}) values ${rows.join(", ")}
       on conflict ("type", "source_type", "source_id") do nothing
       returning id, type, source_id`,
      values
    )
  }

  /**
   * Creates, changes or removes a commission rule and appends its history line in one transaction:
   * both or neither, so no change of a rate escapes the history. The rule's row is locked while it
   * changes, so two changes at once are serialised and each history line's old rate is the rate the
   * line before it left. Setting the rate a rule already has (and the same note) changes nothing
   * and records nothing (`change: null`). A second rule for a target that has one violates the
   * unique index (23505), and its history line is rolled back with it.
   */
  @InjectTransactionManager()
  async changeCommissionRate(req: CommissionRateChangeRequest, @MedusaContext() ctx: Context = {}): Promise<CommissionRateChangeResult> {
    const manager = ctx.transactionManager as SqlEntityManager
    let rate: CommissionRateRow
    let action: CommissionRateAction
    let oldRate: number | null
    if (req.action === "create") {
      ;[rate] = await manager.execute(
        `insert into commission_rate (id, scope, cooperative_id, category_id, rate_bps, note, updated_by)
         values (?, ?, ?, ?, ?, ?, ?) returning *`,
        [generateEntityId(undefined, "comrate"), req.scope, req.cooperative_id, req.category_id, req.rate_bps, req.note ?? null, req.actor_id]
      )
      action = "created"
      oldRate = null
    } else {
      const [before]: CommissionRateRow[] = await manager.execute(
        `select * from commission_rate where id = ? and deleted_at is null for update`,
        [req.id]
      )
      if (!before) return null
      oldRate = before.rate_bps
      if (req.action === "update") {
        const note = req.note !== undefined ? req.note : before.note
        if (before.rate_bps === req.rate_bps && note === before.note) return { rate: before, change: null }
        ;[rate] = await manager.execute(
          `update commission_rate set rate_bps = ?, note = ?, updated_by = ?, updated_at = now() where id = ? returning *`,
          [req.rate_bps, note, req.actor_id, req.id]
        )
        action = "updated"
      } else {
        ;[rate] = await manager.execute(
          `update commission_rate set deleted_at = now(), updated_by = ?, updated_at = now() where id = ? returning *`,
          [req.actor_id, req.id]
        )
        action = "deleted"
      }
    }
    const [change]: CommissionRateChangeRow[] = await manager.execute(
      // clock_timestamp(), not now(): the instant the lock was held, so the history's order is the order the changes happened.
      `insert into commission_rate_change (id, commission_rate_id, action, scope, cooperative_id, category_id, old_rate_bps, new_rate_bps, reason, actor_id, actor_email, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp()) returning *`,
      [
        generateEntityId(undefined, "comrchg"), rate.id, action, rate.scope, rate.cooperative_id, rate.category_id,
        oldRate, action === "deleted" ? null : rate.rate_bps, req.reason ?? null, req.actor_id, req.actor_email,
      ]
    )
    return { rate, change }
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
    const rows: { cooperative_id: string; balance: string; available: string }[] = await (ctx.manager as SqlEntityManager).execute(
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
    const rows: { cooperative_id: string; available: string }[] = await (ctx.manager as SqlEntityManager).execute(
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
   * Cooperatives whose available balance at `cutoff` is below zero (they collected cash on delivery
   * themselves and owe the union its commission), in id order after `after`, at most `limit`: the
   * same grouped query as payableBalances, on the other side of zero.
   */
  @InjectManager()
  async owingBalances(
    { cutoff, after = "", limit = 100 }: { cutoff: Date; after?: string; limit?: number },
    @MedusaContext() ctx: Context = {}
  ): Promise<PayableBalance[]> {
    const rows: { cooperative_id: string; available: string }[] = await (ctx.manager as SqlEntityManager).execute(
      `select cooperative_id, sum(amount) as available
         from ledger_entry
        where cooperative_id > ? and available_at <= ?
        group by cooperative_id
       having sum(amount) < 0
        order by cooperative_id
        limit ?`,
      [after, cutoff, limit]
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
    const manager = ctx.transactionManager as SqlEntityManager
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
          available_at: to.returned_from === "payout_cutoff" ? await this.payoutCutoff(row.id, ctx) : new Date(),
        }],
        ctx
      )
    }
    return { ...row, amount: Number(row.amount) } as { id: string; cooperative_id: string; amount: number; period: string }
  }

  /** When the payout's own `payout` line became available: its run's cutoff. */
  private async payoutCutoff(payoutId: string, ctx: Context): Promise<Date> {
    const [entry] = await (ctx.transactionManager as SqlEntityManager).execute(
      `select available_at from ledger_entry where payout_id = ? and type = 'payout' limit 1`,
      [payoutId]
    )
    return entry ? new Date(entry.available_at) : new Date()
  }

  /**
   * Books what one Stripe `transfer.reversed` event took back, no more: Stripe's event carries the
   * transfer's running total reversed, so this event's share is that total less what earlier events
   * already returned to the balance (never negative: an older event arriving late books nothing).
   * The payout row is locked while this is decided, so two events at once cannot both book the same
   * difference, and the line is keyed by the event id, so a redelivered event books nothing. Once
   * the whole amount is reversed the payout is failed, as a full reversal always was.
   */
  @InjectTransactionManager()
  async bookStripeReversal(input: StripeReversal, @MedusaContext() ctx: Context = {}) {
    const manager = ctx.transactionManager as SqlEntityManager
    const [payout] = await manager.execute(
      `select id, cooperative_id, amount, period, status from payout where id = ? and deleted_at is null for update`,
      [input.payout_id]
    )
    if (!payout) return null
    const amount = Number(payout.amount)
    const [{ reversed }] = await manager.execute(
      `select coalesce(sum(amount), 0) as reversed from ledger_entry where payout_id = ? and type = 'payout_reversal'`,
      [payout.id]
    )
    const already = Number(reversed)
    const delta = Math.max(0, Math.min(input.amount_reversed, amount) - already)
    const booked = delta
      ? await this.book(
          [{
            cooperative_id: payout.cooperative_id,
            type: "payout_reversal",
            amount: delta,
            source_type: "stripe_event",
            source_id: input.event_id,
            payout_id: payout.id,
            description: `Payout ${payout.period}: Stripe reversed ${delta} đồng`,
            reason: "Stripe transfer reversed",
            created_by: "stripe-webhook",
            available_at: new Date(),
          }],
          ctx
        )
      : []
    const booked_amount = booked.length ? delta : 0
    const fully = already + booked_amount >= amount
    let status = payout.status as PayoutStatus
    if (fully && status !== "failed") {
      await manager.execute(
        `update payout set status = 'failed', failure_reason = coalesce(failure_reason, 'Stripe transfer reversed'),
                decided_by = 'stripe-webhook', reference = coalesce(?, reference), failed_at = now(), updated_at = now()
          where id = ?`,
        [input.reference ?? null, payout.id]
      )
      status = "failed"
    }
    return {
      payout_id: payout.id as string,
      cooperative_id: payout.cooperative_id as string,
      period: payout.period as string,
      amount,
      booked: booked_amount,
      reversed_total: already + booked_amount,
      from: payout.status as PayoutStatus,
      status,
    }
  }
}

export default LedgerModuleService
