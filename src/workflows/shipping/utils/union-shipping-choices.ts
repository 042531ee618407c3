/**
 * Union shipping choices: what a storefront that sets one shipping method per cart (Medusa's
 * Next.js starter) offers for a cart with goods of several cooperatives. One choice per kind of
 * service (the shipping option type code, e.g. `standard`) that every cooperative in the cart
 * offers; choosing it sets, for each cooperative, its own option of that kind. Pure: the callers
 * load the cart and price the options.
 *
 * See docs/storefront/shipping.md.
 */

/** Ids of union choices: never a Medusa id (those are `so_` + ULID), stable per kind of service. */
export const UNION_CHOICE_PREFIX = "so_union_"
/** The kind of a choice that takes each cooperative's cheapest option, offered when no kind is common to all. */
export const ANY_SERVICE = "any"

const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/

export const unionChoiceId = (code: string) => `${UNION_CHOICE_PREFIX}${code}`

/** The kind of service a union choice id names, or null for any other string. */
export function unionChoiceCode(id: unknown): string | null {
  if (typeof id !== "string" || !id.startsWith(UNION_CHOICE_PREFIX)) return null
  const code = id.slice(UNION_CHOICE_PREFIX.length)
  return CODE.test(code) ? code : null
}

export const isUnionChoiceId = (id: unknown) => typeof id === "string" && id.startsWith(UNION_CHOICE_PREFIX)

export type ChoiceCooperative = { id: string; name: string; handle: string }

/** One cooperative's option, priced for the cart, judged on that cooperative's goods only. */
export type PricedCooperativeOption = {
  id: string
  name: string
  cooperative_id: string
  /** Whole đồng for this cart; undefined when the option cannot be priced for it. */
  amount: number | undefined
  is_tax_inclusive: boolean
  type: { code: string | null; label: string | null; description: string | null } | null
  insufficient_inventory: boolean
}

export type UnionChoice = {
  id: string
  code: string
  label: string
  description: string | null
  amount: number
  is_tax_inclusive: boolean
  insufficient_inventory: boolean
  parts: { cooperative: ChoiceCooperative; option: PricedCooperativeOption }[]
}

const LABELS: Record<string, string> = {
  standard: "Giao hàng tiêu chuẩn",
  express: "Giao hàng nhanh",
  // Every rate a cooperative sets itself (/vendor/shipping-options) has this code, whatever its name.
  "cooperative-rate": "Giao hàng theo giá riêng của từng HTX",
  [ANY_SERVICE]: "Giao hàng rẻ nhất của từng HTX",
}

/** A cooperative's pick for a kind: an option that can carry its goods first, then the cheapest. */
function pick(options: PricedCooperativeOption[]): PricedCooperativeOption | undefined {
  return [...options].sort(
    (a, b) =>
      Number(a.insufficient_inventory) - Number(b.insufficient_inventory) ||
      (a.amount as number) - (b.amount as number) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id)
  )[0]
}

function choiceOf(code: string, cooperatives: ChoiceCooperative[], byCooperative: Map<string, PricedCooperativeOption[]>): UnionChoice | null {
  const parts: UnionChoice["parts"] = []
  for (const cooperative of cooperatives) {
    const own = (byCooperative.get(cooperative.id) ?? []).filter((o) => code === ANY_SERVICE || o.type?.code === code)
    const option = pick(own)
    if (!option) return null
    parts.push({ cooperative, option })
  }
  const first = parts[0]?.option.type
  return {
    id: unionChoiceId(code),
    code,
    label: LABELS[code] ?? first?.label ?? code,
    description: code === ANY_SERVICE ? null : first?.description ?? null,
    amount: parts.reduce((sum, p) => sum + (p.option.amount as number), 0),
    is_tax_inclusive: parts.every((p) => p.option.is_tax_inclusive),
    insufficient_inventory: parts.some((p) => p.option.insufficient_inventory),
    parts,
  }
}

/**
 * The union choices for a cart of several cooperatives: one per kind of service every cooperative
 * offers (options that cannot be priced for the cart do not count), cheapest first; when no kind
 * is common to all, one choice of each cooperative's cheapest option, so the cart can still ship.
 */
export function unionShippingChoices(cooperatives: ChoiceCooperative[], options: PricedCooperativeOption[]): UnionChoice[] {
  if (cooperatives.length < 2) return []
  const priced = options.filter((o) => typeof o.amount === "number" && Number.isFinite(o.amount))
  const byCooperative = new Map<string, PricedCooperativeOption[]>()
  for (const option of priced) byCooperative.set(option.cooperative_id, [...(byCooperative.get(option.cooperative_id) ?? []), option])
  const codes = [...new Set(priced.map((o) => o.type?.code).filter((c): c is string => !!c && CODE.test(c) && c !== ANY_SERVICE))]
  const choices = codes.map((code) => choiceOf(code, cooperatives, byCooperative)).filter((c): c is UnionChoice => !!c)
  if (!choices.length) {
    const any = choiceOf(ANY_SERVICE, cooperatives, byCooperative)
    if (any) choices.push(any)
  }
  return choices.sort((a, b) => Number(a.insufficient_inventory) - Number(b.insufficient_inventory) || a.amount - b.amount || a.code.localeCompare(b.code))
}

/** What a shopper reads for a choice: its service and who ships, e.g. "Giao hàng tiêu chuẩn (HTX A + HTX B)". */
export const unionChoiceName = (choice: Pick<UnionChoice, "label" | "parts">) =>
  `${choice.label} (${choice.parts.map((p) => p.cooperative.name).join(" + ")})`

export type CartItemStock = {
  quantity: number
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: {
      required_quantity?: number | null
      inventory?: { requires_shipping?: boolean | null; location_levels?: { location_id: string; available_quantity?: number | null }[] | null } | null
    }[]
  } | null
}

/**
 * Whether a warehouse lacks stock for the goods an option would carry (Medusa's rule, applied to
 * those goods only, and counting each inventory item's required quantity per unit).
 */
export function insufficientAt(items: CartItemStock[], locationId: string | null | undefined): boolean {
  return items.some((item) => {
    const variant = item.variant
    if (!variant?.manage_inventory || variant.allow_backorder) return false
    return (variant.inventory_items ?? []).some((link) => {
      if (link.inventory?.requires_shipping === false) return false
      const level = (link.inventory?.location_levels ?? []).find((l) => l.location_id === locationId)
      const needed = Number(link.required_quantity ?? 1) * Number(item.quantity)
      return !level || Number(level.available_quantity ?? 0) < needed
    })
  })
}
