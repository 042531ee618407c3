import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The identity every cooperative's ledger must satisfy, in the words of the union's accountants.
 * Commission, refunds, payouts and cash collected are shown as positive amounts that are
 * subtracted; adjustments and failed deliveries keep their sign. Beside the identity: what the
 * cooperative owes the union (`commission_owed`, max(0, −balance)) and the cash carriers of the
 * union's contract remitted for its orders (`remittances`: the union's cash, not a ledger line).
 */
export const RECONCILIATION_IDENTITY =
  "sales + shipping − commission − refunds ± adjustments − payouts + payout_reversals − cash_collected ± failed_deliveries = balance"

export type Reconciliation = {
  cooperative_id: string
  sales: number
  shipping: number
  commission: number
  refunds: number
  adjustments: number
  payouts: number
  payout_reversals: number
  /** Cash on delivery the cooperative's own carrier collected for it (it holds that money). */
  cash_collected: number
  /** Signed sum of `failed_delivery` lines (return shipping moved between union and cooperative). */
  failed_deliveries: number
  balance: number
  /** What the cooperative owes the union: max(0, −balance); for the union totals, the sum over cooperatives. */
  commission_owed: number
  /** Cash on delivery the union's carriers remitted for the cooperative's orders. */
  remittances: number
  available: number
  pending: number
  entry_count: number
  /** The identity recomputed from the per-type sums; false would mean a line of an unknown type. */
  balanced: boolean
}

const SUMS = `
  coalesce(sum(amount) filter (where type = 'sale'), 0) as sales,
  coalesce(sum(amount) filter (where type = 'shipping'), 0) as shipping,
  coalesce(sum(amount) filter (where type = 'commission'), 0) as commission,
  coalesce(sum(amount) filter (where type = 'refund'), 0) as refunds,
  coalesce(sum(amount) filter (where type = 'adjustment'), 0) as adjustments,
  coalesce(sum(amount) filter (where type = 'payout'), 0) as payouts,
  coalesce(sum(amount) filter (where type = 'payout_reversal'), 0) as payout_reversals,
  coalesce(sum(amount) filter (where type = 'cash_collected'), 0) as cash_collected,
  coalesce(sum(amount) filter (where type = 'failed_delivery'), 0) as failed_deliveries,
  coalesce(sum(amount), 0) as balance,
  coalesce(sum(amount) filter (where available_at <= ?), 0) as available,
  count(*) as entry_count`

/** One row of SUMS: bigint sums arrive as strings. */
type SumsRow = Record<string, unknown> & { cooperative_id?: string }

function toReconciliation(row: SumsRow | undefined, cooperativeId: string, extra: { remittances?: number; commission_owed?: number } = {}): Reconciliation {
  const n = (k: string) => Number(row?.[k] ?? 0)
  const r = {
    cooperative_id: cooperativeId,
    sales: n("sales"),
    shipping: n("shipping"),
    commission: -n("commission"),
    refunds: -n("refunds"),
    adjustments: n("adjustments"),
    payouts: -n("payouts"),
    payout_reversals: n("payout_reversals"),
    cash_collected: -n("cash_collected"),
    failed_deliveries: n("failed_deliveries"),
    balance: n("balance"),
    commission_owed: extra.commission_owed ?? Math.max(0, -n("balance")),
    remittances: extra.remittances ?? 0,
    available: n("available"),
    pending: n("balance") - n("available"),
    entry_count: n("entry_count"),
  }
  const computed = r.sales + r.shipping - r.commission - r.refunds + r.adjustments - r.payouts + r.payout_reversals - r.cash_collected + r.failed_deliveries
  return { ...r, balanced: computed === r.balance }
}

/**
 * Reconciliation per cooperative, summed by the database in one grouped query (nothing per line
 * is loaded): either one cooperative, or a page of every cooperative with ledger lines (by id),
 * with the union-wide totals.
 */
export async function reconcile(
  container: MedusaContainer,
  options: { cooperative_id?: string; limit: number; offset: number; at?: Date }
): Promise<{ reconciliations: Reconciliation[]; count: number; totals: Reconciliation }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const at = options.at ?? new Date()

  if (options.cooperative_id) {
    const [{ rows }, remitted] = await Promise.all([
      knex.raw(`select ${SUMS} from ledger_entry where deleted_at is null and cooperative_id = ?`, [at, options.cooperative_id]),
      remittancesBy(knex, [options.cooperative_id]),
    ])
    const one = toReconciliation(rows[0], options.cooperative_id, { remittances: remitted.get(options.cooperative_id) ?? 0 })
    return { reconciliations: [one], count: 1, totals: one }
  }
  const [page, totals, owedTotal, remittedTotal] = await Promise.all([
    knex.raw(
      `select cooperative_id, ${SUMS}
         from ledger_entry where deleted_at is null
        group by cooperative_id order by cooperative_id limit ? offset ?`,
      [at, options.limit, options.offset]
    ),
    knex.raw(`select ${SUMS}, count(distinct cooperative_id) as cooperatives from ledger_entry where deleted_at is null`, [at]),
    // What cooperatives owe in all: each one's debt, not the union-wide balance (credits of some do not cancel debts of others).
    knex.raw(
      `select coalesce(sum(-balance), 0) as owed
         from (select sum(amount) as balance from ledger_entry where deleted_at is null group by cooperative_id) b
        where balance < 0`
    ),
    knex.raw(`select coalesce(sum(amount), 0) as remitted from cod_remittance where deleted_at is null`),
  ])
  const remitted = await remittancesBy(knex, page.rows.map((r: SumsRow & { cooperative_id: string }) => r.cooperative_id))
  return {
    reconciliations: page.rows.map((row: SumsRow & { cooperative_id: string }) => toReconciliation(row, row.cooperative_id, { remittances: remitted.get(row.cooperative_id) ?? 0 })),
    count: Number(totals.rows[0]?.cooperatives ?? 0),
    totals: toReconciliation(totals.rows[0], "*", { commission_owed: Number(owedTotal.rows[0]?.owed ?? 0), remittances: Number(remittedTotal.rows[0]?.remitted ?? 0) }),
  }
}

/** Cash remitted by the union's carriers for each cooperative's orders. */
async function remittancesBy(knex: Knex, cooperativeIds: string[]): Promise<Map<string, number>> {
  if (!cooperativeIds.length) return new Map()
  const { rows } = await knex.raw(
    `select cooperative_id, coalesce(sum(amount), 0) as remitted from cod_remittance
      where deleted_at is null and cooperative_id in (${cooperativeIds.map(() => "?").join(", ")}) group by cooperative_id`,
    cooperativeIds
  )
  return new Map(rows.map((r: { cooperative_id: string; remitted: string }) => [r.cooperative_id, Number(r.remitted)] as const))
}
