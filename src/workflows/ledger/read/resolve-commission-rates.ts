import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { pickRate, type CommissionRule, type ResolvedRate } from "../../../modules/ledger/rules/commission"

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
