import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { commissionOn, ResolvedRate } from "../../../../modules/ledger/rules/commission"
import { resolveCommissionRates } from "../../../../workflows/ledger/read/resolve-commission-rates"
import { cooperativeIdsOfProducts, cooperativeProductIds } from "../../../../workflows/cooperative/read/ownership"
import { LEDGER_MODULE, LedgerModuleService } from "../../../../modules/ledger"
import type { z } from "zod"
import { targetNames } from "../helpers"
import type { CommissionRatePreviewQuery } from "../validators"

type PriceRecord = { amount: unknown; currency_code?: string | null; rules_count?: unknown; price_list_id?: string | null }
type VariantRecord = { id: string; title: string | null; sku?: string | null; prices?: PriceRecord[] | null }
/** A product as PRODUCT_FIELDS reads it. */
type ProductRecord = {
  id: string
  title: string
  handle: string
  status: string
  categories?: { id: string }[] | null
  variants?: VariantRecord[] | null
}

const PRODUCT_FIELDS = [
  "id", "title", "handle", "status", "categories.id",
  "variants.id", "variants.title", "variants.sku",
  "variants.prices.amount", "variants.prices.currency_code", "variants.prices.rules_count", "variants.prices.price_list_id",
]

/** The variant's list price in đồng: the VND price with no rules and no price list (what a plain cart pays). */
function vndPrice(variant: VariantRecord): number | null {
  const prices = (variant.prices ?? []).filter((p) => p.currency_code?.toLowerCase() === "vnd" && !p.price_list_id)
  const plain = prices.find((p) => !Number(p.rules_count)) ?? prices[0]
  return plain ? Math.round(Number(plain.amount)) : null
}

/**
 * GET /admin/commission-rates/preview?cooperative_id=&category_id=&q=&limit=&offset=: products with
 * the rate their sale lines would pay today, the rule it comes from, and the commission on one unit
 * sold at each variant's price, in whole đồng. Rates come from resolveCommissionRates and amounts
 * from commissionOn: the very functions the ledger books a delivered order's commission with, so the
 * preview and the booking cannot disagree.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, cooperative_id, category_id, q } = req.validatedQuery as z.infer<typeof CommissionRatePreviewQuery>
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const filters: Record<string, unknown> = {}
  if (cooperative_id) {
    const ids = await cooperativeProductIds(req.scope, cooperative_id)
    if (!ids.length) return res.json({ products: [], count: 0, limit, offset })
    filters.id = ids
  }
  if (category_id) filters.categories = { id: [category_id] }
  if (q) filters.q = q
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { title: "ASC", id: "ASC" } },
  })

  const products = data as ProductRecord[]
  const owners = await cooperativeIdsOfProducts(req.scope, products.map((p) => p.id))
  const byCooperative = new Map<string, string[]>()
  for (const p of products) {
    const owner = owners.get(p.id) ?? ""
    byCooperative.set(owner, [...(byCooperative.get(owner) ?? []), p.id])
  }
  // One resolution per cooperative on the page, as the ledger resolves one cooperative's order.
  const rates = new Map<string, ResolvedRate>()
  await Promise.all(
    [...byCooperative].map(async ([coop, ids]) => {
      for (const [id, rate] of await resolveCommissionRates(req.scope, coop, ids)) rates.set(id, rate)
    })
  )
  const rules = await ruleTargets(req.scope, [...new Set([...rates.values()].map((r) => r.commission_rate_id).filter((v): v is string => !!v))])
  const names = await targetNames(req.scope, [
    ...[...owners.values()].map((cooperative_id) => ({ cooperative_id })),
    ...products.flatMap((p) => (p.categories ?? []).map((c) => ({ category_id: c.id }))),
    ...[...rules.values()],
  ])

  res.json({
    products: products.map((p) => {
      const rate = rates.get(p.id)!
      const rule = rate.commission_rate_id ? rules.get(rate.commission_rate_id) : null
      return {
        id: p.id,
        title: p.title,
        handle: p.handle,
        status: p.status,
        cooperative: names.cooperative(owners.get(p.id)) ?? (owners.get(p.id) ? { id: owners.get(p.id)!, name: null, handle: null } : null),
        categories: (p.categories ?? []).map((c) => names.category(c.id) ?? { id: c.id, name: null, handle: null }),
        rate_bps: rate.rate_bps,
        // null rule: no rule matches and the union-wide COMMISSION_DEFAULT_BPS applies.
        rule: rule
          ? { id: rule.id, scope: rule.scope, cooperative: names.cooperative(rule.cooperative_id), category: names.category(rule.category_id) }
          : null,
        source: rule ? "rule" : "fallback_default",
        variants: (p.variants ?? []).map((v) => {
          const price = vndPrice(v)
          return { id: v.id, title: v.title, sku: v.sku ?? null, price, commission: price === null ? null : -commissionOn(price, rate.rate_bps) || 0 }
        }),
      }
    }),
    count: metadata?.count ?? products.length,
    limit,
    offset,
  })
}

/** The targets of the rules that decided the page's rates. */
async function ruleTargets(container: MedusaContainer, ids: string[]) {
  const rules = ids.length
    ? await (container.resolve(LEDGER_MODULE) as LedgerModuleService).listCommissionRates({ id: ids }, { select: ["id", "scope", "cooperative_id", "category_id"] })
    : []
  return new Map(rules.map((r) => [r.id, r]))
}
