import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The identity every cooperative's ledger must satisfy, in the words of the union's accountants.
 * Commission, refunds and payouts are shown as positive amounts that are subtracted; adjustments
 * keep their sign.
 */
export const RECONCILIATION_IDENTITY = "sales + shipping − commission − refunds ± adjustments − payouts + payout_reversals = balance"

export type Reconciliation = {
  cooperative_id: string
  sales: number
  shipping: number
  commission: number
  refunds: number
  adjustments: number
  payouts: number
  payout_reversals: number
  balance: number
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
  coalesce(sum(amount), 0) as balance,
  coalesce(sum(amount) filter (where available_at <= ?), 0) as available,
  count(*) as entry_count`

function toReconciliation(row: any, cooperativeId: string): Reconciliation {
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
    balance: n("balance"),
    available: n("available"),
    pending: n("balance") - n("available"),
    entry_count: n("entry_count"),
  }
  const computed = r.sales + r.shipping - r.commission - r.refunds + r.adjustments - r.payouts + r.payout_reversals
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
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const at = options.at ?? new Date()

  if (options.cooperative_id) {
    const { rows } = await knex.raw(`select ${SUMS} from ledger_entry where deleted_at is null and cooperative_id = ?`, [at, options.cooperative_id])
    const one = toReconciliation(rows[0], options.cooperative_id)
    return { reconciliations: [one], count: 1, totals: one }
  }
  const [page, totals] = await Promise.all([
    knex.raw(
      `select cooperative_id, ${SUMS}
         from ledger_entry where deleted_at is null
        group by cooperative_id order by cooperative_id limit ? offset ?`,
      [at, options.limit, options.offset]
    ),
    knex.raw(`select ${SUMS}, count(distinct cooperative_id) as cooperatives from ledger_entry where deleted_at is null`, [at]),
  ])
  return {
    reconciliations: page.rows.map((row: any) => toReconciliation(row, row.cooperative_id)),
    count: Number(totals.rows[0]?.cooperatives ?? 0),
    totals: toReconciliation(totals.rows[0], "*"),
  }
}
