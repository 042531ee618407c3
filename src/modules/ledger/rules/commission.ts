import type { CommissionScope } from "../types"
import { commissionDefaultBps } from "./config"

export type CommissionRule = {
  id: string
  scope: CommissionScope
  cooperative_id: string | null
  category_id: string | null
  rate_bps: number
}

/** The rate a sale line pays and the rule it came from (null: the COMMISSION_DEFAULT_BPS fallback). */
export type ResolvedRate = { rate_bps: number; commission_rate_id: string | null; scope: CommissionScope }

/** Higher is more specific. */
const SPECIFICITY: Record<CommissionScope, number> = { cooperative_category: 3, cooperative: 2, category: 1, default: 0 }

function matches(rule: CommissionRule, cooperativeId: string, categoryIds: string[]) {
  switch (rule.scope) {
    case "cooperative_category":
      return rule.cooperative_id === cooperativeId && categoryIds.includes(rule.category_id!)
    case "cooperative":
      return rule.cooperative_id === cooperativeId
    case "category":
      return categoryIds.includes(rule.category_id!)
    case "default":
      return true
  }
}

/**
 * The rule for one sale line: the most specific scope that matches (cooperative_category >
 * cooperative > category > default). A product in several categories can match several rules of
 * the same scope; the lowest rate among them applies (ties: the smaller rule id), so the answer
 * never depends on the order in which categories or rules were read. No rule at all: the
 * union-wide COMMISSION_DEFAULT_BPS.
 */
export function pickRate(rules: CommissionRule[], cooperativeId: string, categoryIds: string[]): ResolvedRate {
  let best: CommissionRule | null = null
  for (const rule of rules) {
    if (!matches(rule, cooperativeId, categoryIds)) continue
    if (
      !best ||
      SPECIFICITY[rule.scope] > SPECIFICITY[best.scope] ||
      (SPECIFICITY[rule.scope] === SPECIFICITY[best.scope] &&
        (rule.rate_bps < best.rate_bps || (rule.rate_bps === best.rate_bps && rule.id < best.id)))
    ) {
      best = rule
    }
  }
  return best
    ? { rate_bps: best.rate_bps, commission_rate_id: best.id, scope: best.scope }
    : { rate_bps: commissionDefaultBps(), commission_rate_id: null, scope: "default" }
}

/** Commission on a sale line, in whole đồng, as a negative ledger amount (half rounds up). */
export const commissionOn = (sale: number, rateBps: number) => -Math.round((sale * rateBps) / 10_000)
