import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import { Lru } from "../../../lib/lru"
import { cartCooperatives } from "../../../workflows/cooperative/read/ownership"
import {
  ChoiceCooperative,
  insufficientAt,
  PricedCooperativeOption,
  UnionChoice,
  unionChoiceName,
  unionShippingChoices,
} from "../../../workflows/shipping/utils/union-shipping-choices"

// What insufficient_inventory needs to know of each cart item, as Medusa's listing reads it.
const ITEM_STOCK_FIELDS = [
  "currency_code",
  // Not read here, but what the prices depend on: part of the offer's fingerprint (offeredUnionChoices).
  "updated_at",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "shipping_address.country_code",
  "shipping_address.province",
  "shipping_address.city",
  "shipping_address.postal_code",
  "items.variant_id",
  "items.unit_price",
  "items.updated_at",
  "items.quantity",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
  "items.variant.inventory_items.required_quantity",
  "items.variant.inventory_items.inventory.requires_shipping",
  // available_quantity is computed: Medusa's own listing asks for it with the whole level.
  "items.variant.inventory_items.inventory.location_levels.*",
]

export type CartShipping = NonNullable<Awaited<ReturnType<typeof loadCartShipping>>>

/**
 * A cart as its shipping sees it: its cooperatives in the cart's order, and for any option (by
 * shipping profile and warehouse) whether that warehouse lacks the goods the option would carry,
 * i.e. the items of the option's cooperative. Null for an unknown cart.
 */
export async function loadCartShipping(container: MedusaContainer, cartId: string) {
  const found = await cartCooperatives(container, cartId, ITEM_STOCK_FIELDS)
  if (!found) return null
  const { cart, items, owners, cooperativeIds, profiles } = found
  const cooperativeOfProfile = new Map<string, string>(profiles.map((p) => [p.shipping_profile_id, p.cooperative_id]))
  const cooperatives: ChoiceCooperative[] = cooperativeIds.map((id) => {
    const link = profiles.find((p) => p.cooperative_id === id)
    return { id, name: link?.cooperative?.name ?? "", handle: link?.cooperative?.handle ?? "" }
  })
  const itemsOf = (cooperativeId: string) => items.filter((i) => owners.get(i.product_id) === cooperativeId)
  return {
    cart,
    cooperatives,
    profileIds: new Set(cooperativeOfProfile.keys()),
    cooperativeOfProfile,
    /** An option of a cooperative in the cart carries that cooperative's goods; any other, all of them (Medusa's rule). */
    insufficient(profileId: string | null | undefined, locationId: string | null | undefined): boolean {
      const cooperativeId = profileId ? cooperativeOfProfile.get(profileId) : undefined
      return insufficientAt(cooperativeId ? itemsOf(cooperativeId) : items, locationId)
    },
  }
}

/**
 * The cart's cooperatives' options, priced by Medusa for this cart (flat prices and the
 * cooperatives' calculated rates alike) and judged on their own goods. Medusa's pricing workflow
 * applies the same address, rule and sales-channel filters as its listing; `optionIds` narrows it.
 */
export async function pricedCooperativeOptions(
  container: MedusaContainer,
  shipping: CartShipping,
  optionIds?: string[]
): Promise<PricedCooperativeOption[]> {
  const ids =
    optionIds ??
    (
      await container
        .resolve(Modules.FULFILLMENT)
        .listShippingOptions({ shipping_profile_id: [...shipping.profileIds] }, { select: ["id"] })
    ).map((o) => o.id)
  if (!ids.length) return []
  const { result } = await listShippingOptionsForCartWithPricingWorkflow(container).run({
    input: { cart_id: shipping.cart.id, options: ids.map((id) => ({ id })) },
  })
  return result
    .filter((o) => shipping.cooperativeOfProfile.has(o.shipping_profile_id))
    .map((o) => {
      const amount = o.amount ?? o.calculated_price?.calculated_amount
      return {
        id: o.id,
        name: o.name,
        cooperative_id: shipping.cooperativeOfProfile.get(o.shipping_profile_id)!,
        amount: amount === undefined || amount === null ? undefined : Number(amount),
        is_tax_inclusive: !!o.is_tax_inclusive,
        type: o.type ? { code: o.type.code ?? null, label: o.type.label ?? null, description: o.type.description ?? null } : null,
        insufficient_inventory: shipping.insufficient(o.shipping_profile_id, o.stock_location?.id ?? o.service_zone?.fulfillment_set?.location?.id),
      }
    })
}

export async function cartUnionChoices(container: MedusaContainer, shipping: CartShipping, optionIds?: string[]): Promise<UnionChoice[]> {
  if (shipping.cooperatives.length < 2) return []
  return unionShippingChoices(shipping.cooperatives, await pricedCooperativeOptions(container, shipping, optionIds))
}

// The union choices a cart was last offered. A storefront lists them, then sets one a moment later
// (POST …/shipping-methods, or …/calculate): pricing every cooperative's options a second time
// costs ~80 ms of CPU per purchase for the same answer. An offer is reused only while the cart as
// loaded here is unchanged (items, quantities, stock, address, region, customer: its fingerprint)
// and for OFFER_TTL_MS; Medusa's own workflow still prices and validates the option set.
const OFFER_TTL_MS = 5 * 60_000
const offers = new Lru<string, { at: number; fingerprint: string; choices: UnionChoice[] }>(5_000)
const fingerprintOf = (shipping: CartShipping) => JSON.stringify(shipping.cart)

/** The union choices for a cart, computed (all its cooperatives' options) and remembered for the next call. */
export async function offeredUnionChoices(container: MedusaContainer, shipping: CartShipping): Promise<UnionChoice[]> {
  const fingerprint = fingerprintOf(shipping)
  const offer = offers.get(shipping.cart.id)
  if (offer && offer.fingerprint === fingerprint && Date.now() - offer.at < OFFER_TTL_MS) return offer.choices
  const choices = await cartUnionChoices(container, shipping)
  offers.set(shipping.cart.id, { at: Date.now(), fingerprint, choices })
  return choices
}

/**
 * A union choice in the shape of a Medusa store shipping option (what `listCartOptions` and the
 * calculate route answer), priced flat for this cart so a storefront shows its amount as is. `data`
 * names the cooperatives' own options behind it.
 */
export function serializeUnionChoice(choice: UnionChoice, currencyCode: string) {
  return {
    id: choice.id,
    name: unionChoiceName(choice),
    price_type: "flat",
    service_zone_id: null,
    shipping_profile_id: null,
    provider_id: null,
    shipping_option_type_id: null,
    metadata: null,
    type: { id: null, code: choice.code, label: choice.label, description: choice.description },
    data: {
      union_choice: true,
      shipping_options: choice.parts.map((p) => ({
        id: p.option.id,
        name: p.option.name,
        amount: p.option.amount,
        insufficient_inventory: p.option.insufficient_inventory,
        cooperative: p.cooperative,
      })),
    },
    amount: choice.amount,
    is_tax_inclusive: choice.is_tax_inclusive,
    insufficient_inventory: choice.insufficient_inventory,
    calculated_price: {
      id: null,
      currency_code: currencyCode,
      calculated_amount: choice.amount,
      original_amount: choice.amount,
      is_calculated_price_tax_inclusive: choice.is_tax_inclusive,
      is_original_price_tax_inclusive: choice.is_tax_inclusive,
    },
    prices: [],
    rules: [],
    service_zone: null,
    provider: null,
  }
}
