import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CommissionScope, LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
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

/**
 * Rates for every product of one cooperative's order in two queries: the products' categories,
 * then every rule that could match (the default, the cooperative's, the categories').
 */
export async function resolveCommissionRates(
  container: MedusaContainer,
  cooperativeId: string,
  productIds: string[]
): Promise<Map<string, ResolvedRate>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(productIds.filter(Boolean))]
  const { data: products } = ids.length
    ? await query.graph({ entity: "product", fields: ["id", "categories.id"], filters: { id: ids } })
    : { data: [] as any[] }
  const categoriesOf = new Map<string, string[]>(products.map((p: any): [string, string[]] => [p.id, (p.categories ?? []).map((c: any) => c.id)]))
  const allCategories = [...new Set([...categoriesOf.values()].flat())]

  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const rules = (await ledger.listCommissionRates(
    { $or: [{ scope: "default" }, { cooperative_id: cooperativeId }, ...(allCategories.length ? [{ category_id: allCategories }] : [])] } as any,
    { select: ["id", "scope", "cooperative_id", "category_id", "rate_bps"] }
  )) as unknown as CommissionRule[]

  return new Map(productIds.map((id) => [id, pickRate(rules, cooperativeId, categoriesOf.get(id) ?? [])]))
}
