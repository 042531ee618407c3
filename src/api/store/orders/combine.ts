import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import type { OrderDetailDTO } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

// A purchase read by the store is one Medusa order made of its cooperatives' orders: what a storefront
// written for one order (Medusa's Next.js starter) shows is then the whole purchase. Pure, so the
// rules below are unit-tested without a database (integration-tests/unit/purchase-order.spec.ts).

/** Every Medusa total (`total`, `item_subtotal`, `original_shipping_tax_total`…) adds up across the orders. */
const IS_TOTAL = /(^|_)(sub)?total$/

const isRaw = (v: unknown): v is { value: string | number } => !!v && typeof v === "object" && "value" in v

const sum = (values: unknown[]) => MathBN.add(...values.map((v) => (isRaw(v) ? v.value : ((v as number | string | null | undefined) ?? 0)))).toNumber()

/** Adds two orders' value of one key: totals sum, raw totals sum as raw values, lists join. */
function combineValue(key: string, values: unknown[]): unknown {
  const present = values.filter((v) => v !== undefined)
  if (!present.length) return undefined
  if (present.every((v) => Array.isArray(v))) return joinById(present as unknown[][])
  if (IS_TOTAL.test(key.replace(/^raw_/, ""))) {
    if (key.startsWith("raw_")) return { value: String(MathBN.add(...present.map((v) => (isRaw(v) ? v.value : ((v as number | string | null) ?? 0))))), precision: 20 }
    if (present.every((v) => v === null || typeof v === "number" || typeof v === "string" || isRaw(v))) return sum(present)
  }
  return present[0]
}

/** Concatenates lists in order, keeping one entry per id (promotions shared by two orders appear once). */
function joinById(lists: unknown[][]): unknown[] {
  const seen = new Set<unknown>()
  const out: unknown[] = []
  for (const entry of lists.flat()) {
    const id = entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined
    if (id !== undefined) {
      if (seen.has(id)) continue
      seen.add(id)
    }
    out.push(entry)
  }
  return out
}

/**
 * Medusa's order status of the purchase: the status its orders share; canceled orders aside when
 * others go on; `pending` while they differ.
 */
export function purchaseStatus(statuses: string[]): string {
  const live = statuses.filter((s) => s !== "canceled")
  if (!live.length) return statuses[0] ?? "pending"
  return live.every((s) => s === live[0]) ? live[0] : "pending"
}

const FULFILMENT_STEPS = ["fulfilled", "shipped", "delivered"]

/**
 * Medusa's fulfilment status of the purchase, from each order's (canceled orders aside): the one they
 * share, else `partially_` the furthest step any of them reached (one cooperative packed, another
 * not yet: `partially_fulfilled`).
 */
export function purchaseFulfillmentStatus(statuses: string[]): string {
  if (!statuses.length) return "not_fulfilled"
  if (statuses.every((s) => s === statuses[0])) return statuses[0]
  const furthest = Math.max(...statuses.map((s) => FULFILMENT_STEPS.indexOf(s.replace(/^partially_/, ""))))
  return furthest < 0 ? "not_fulfilled" : `partially_${FULFILMENT_STEPS[furthest]}`
}

/** An order as query.graph read it (fields as the storefront asked): the fields combined are read by name. */
export type OrderRecord = { [field: string]: unknown }

export type CombineInput = {
  /** The purchase's orders, each read with the fields the storefront asked for (plus `fulfillments`). */
  orders: OrderRecord[]
  /** The order the purchase answers as (its first cooperative's): id, display id, address, dates. */
  lead_id: string
  /** The one payment of the purchase, as Medusa's `payment_collections`. */
  payment_collections: unknown[]
  /** The purchase part: each cooperative's order, name, items, shipping and status. */
  purchase: unknown
}

/** One Medusa order of the whole purchase: every item, every shipping method, totals summed, one payment. */
export function combinePurchase(input: CombineInput): OrderRecord {
  // As the answer will be: Medusa's BigNumber totals become plain numbers, raw totals {value, precision}.
  const { orders, lead_id, payment_collections, purchase } = JSON.parse(JSON.stringify(input)) as CombineInput
  const lead = orders.find((o) => o.id === lead_id) ?? orders[0]
  const rest = orders.filter((o) => o !== lead)
  const all = [lead, ...rest]
  const keys = new Set(all.flatMap((o) => Object.keys(o)))
  const combined: OrderRecord = {}
  for (const key of keys) {
    const values = all.map((o) => o[key])
    if (key === "summary") combined.summary = combineSummary(values)
    else combined[key] = combineValue(key, values)
  }
  combined.id = lead.id
  if ("status" in lead) combined.status = purchaseStatus(all.map((o) => o.status as string))
  if ("updated_at" in lead) combined.updated_at = all.map((o) => o.updated_at as string).sort().at(-1)
  // The cooperative is per order: each one is named in `purchase.orders`, and on items through their product.
  delete combined.cooperative
  if (combined.metadata && typeof combined.metadata === "object") {
    const { cooperative_id: _, ...metadata } = combined.metadata as Record<string, unknown>
    combined.metadata = metadata
  }
  combined.payment_collections = payment_collections
  // Medusa's aggregators read only these fields of an order.
  combined.payment_status = getLastPaymentStatus({ currency_code: lead.currency_code, payment_collections } as OrderDetailDTO)
  const live = all.filter((o) => o.status !== "canceled")
  combined.fulfillment_status = purchaseFulfillmentStatus(
    (live.length ? live : all).map((o) => getLastFulfillmentStatus({ fulfillments: o.fulfillments ?? [], items: o.items ?? [] } as OrderDetailDTO))
  )
  combined.purchase = purchase
  const union = unionChoiceMethod(combined.shipping_methods, all.length)
  if (union) combined.shipping_methods = [union]
  return combined
}

type MethodRecord = { id?: unknown; data?: { union_choice?: unknown; union_choice_name?: unknown; shipping_methods?: unknown } | null; [field: string]: unknown }

/**
 * A purchase shipped by one union choice (one method per cooperative, all carrying the same
 * `data.union_choice`) shows that choice as one method, as its cart did before payment: the name the
 * shopper chose and the sums, so a storefront that reads `shipping_methods[0]` (the starter's "Method")
 * names the whole delivery. Each cooperative's own method stays in `purchase.orders[].shipping_methods`
 * and in the method's `data.shipping_methods`. Methods chosen per cooperative are left as they are.
 */
export function unionChoiceMethod(methods: unknown, orderCount: number): MethodRecord | null {
  if (!Array.isArray(methods) || methods.length < 2 || methods.length !== orderCount) return null
  const list = methods as MethodRecord[]
  const choice = list[0]?.data?.union_choice
  if (typeof choice !== "string" || !list.every((m) => m?.data?.union_choice === choice)) return null
  const one: MethodRecord = {}
  for (const key of new Set(list.flatMap((m) => Object.keys(m)))) {
    const values = list.map((m) => m[key])
    one[key] = /^(raw_)?amount$/.test(key) ? combineValue(key.replace("amount", "total"), values) : combineValue(key, values)
  }
  const name = list[0].data?.union_choice_name
  return {
    ...one,
    id: `ordsm_${choice}`,
    shipping_option_id: choice,
    ...(typeof name === "string" ? { name } : {}),
    data: {
      union_choice: choice,
      shipping_methods: list.map((m) => ({ id: m.id, shipping_option_id: m.shipping_option_id, name: m.name, amount: m.amount })),
    },
  }
}

function combineSummary(values: unknown[]) {
  const present = values.filter((v): v is Record<string, unknown> => !!v && typeof v === "object")
  if (!present.length) return values[0]
  const keys = new Set(present.flatMap((s) => Object.keys(s)))
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const parts = present.map((s) => s[key])
    if (parts.every((p) => p === undefined || p === null || typeof p === "number" || typeof p === "string")) out[key] = sum(parts)
    else if (parts.every((p): p is { value: string | number } | undefined => p === undefined || isRaw(p))) out[key] = { value: String(MathBN.add(...parts.map((p) => p?.value ?? 0))), precision: 20 }
    else out[key] = parts[0]
  }
  return out
}
