import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { cooperativeIdsOfProducts } from "../../cooperative/read/ownership"

export type CooperativePart = {
  cooperative: { id: string; name: string; handle: string; cod_collector: "cooperative" | "union" | null }
  stock_location_id: string | null
  item_ids: string[]
  shipping_method_ids: string[]
  /** What this part of the cart costs: its items and its shipping, before rounding to đồng. */
  total: number
}

/** What the split reads of a cart loaded with Medusa's completion fields. */
export type CartToSplit = {
  items?: CartItemToSplit[] | null
  shipping_methods?: { id: string; name?: string | null; total?: unknown; shipping_option?: { shipping_profile_id?: string | null } | null }[] | null
}
type CartItemToSplit = {
  id: string
  product_id?: string | null
  product_title?: string | null
  title?: string | null
  variant_title?: string | null
  total?: unknown
  requires_shipping?: boolean | null
}

const itemName = (item: CartItemToSplit) => `"${item.product_title ?? item.title}${item.variant_title ? ` – ${item.variant_title}` : ""}"`

/**
 * Splits a cart into one part per cooperative, in the order the shopper added them. Every item
 * needs its cooperative; every cooperative with items to ship needs exactly one shipping method of
 * its own; a shipping method without items of its cooperative is refused rather than charged.
 */
export const groupCartByCooperativeStep = createStep(
  "group-cart-by-cooperative",
  async ({ cart }: { cart: CartToSplit }, { container }) => {
    const items = cart.items ?? []
    const owners = await cooperativeIdsOfProducts(container, [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[])
    const cooperativeIds = [...new Set(owners.values())]
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const cooperatives = cooperativeIds.length
      ? (
          await query.graph({
            entity: "cooperative",
            fields: ["id", "name", "handle", "cod_collector", "stock_location.id", "shipping_profile.id"],
            filters: { id: cooperativeIds },
          })
        ).data
      : []
    const byId = new Map(cooperatives.map((c) => [c.id, c]))

    const parts = new Map<string, CooperativePart & { needs_shipping: boolean; profile_id?: string }>()
    for (const item of items) {
      const cooperative = byId.get(owners.get(item.product_id ?? "") ?? "")
      if (!cooperative) {
        throw new CoopstallError(ErrorTypes.INVALID_DATA, "product_without_cooperative", `${itemName(item)} belongs to no cooperative and cannot be sold.`)
      }
      let part = parts.get(cooperative.id)
      if (!part) {
        part = {
          cooperative: { id: cooperative.id, name: cooperative.name, handle: cooperative.handle, cod_collector: cooperative.cod_collector ?? null },
          stock_location_id: cooperative.stock_location?.id ?? null,
          profile_id: cooperative.shipping_profile?.id,
          item_ids: [],
          shipping_method_ids: [],
          total: 0,
          needs_shipping: false,
        }
        parts.set(cooperative.id, part)
      }
      part.item_ids.push(item.id)
      part.total += Number(item.total ?? 0)
      part.needs_shipping ||= item.requires_shipping !== false
    }

    const partByProfile = new Map([...parts.values()].filter((p) => p.profile_id).map((p) => [p.profile_id!, p]))
    for (const method of cart.shipping_methods ?? []) {
      const part = partByProfile.get(method.shipping_option?.shipping_profile_id ?? "")
      if (!part) {
        throw new CoopstallError(
          ErrorTypes.INVALID_DATA,
          "shipping_method_without_items",
          `The shipping method "${method.name}" is for a cooperative with nothing in this cart: remove it or choose again.`
        )
      }
      part.shipping_method_ids.push(method.id)
      part.total += Number(method.total ?? 0)
    }
    for (const part of parts.values()) {
      if (part.needs_shipping && part.shipping_method_ids.length !== 1) {
        throw new CoopstallError(
          ErrorTypes.INVALID_DATA,
          "shipping_method_required",
          `Choose one shipping option of ${part.cooperative.name} for ${items
            .filter((i) => part.item_ids.includes(i.id))
            .map(itemName)
            .join(", ")}.`
        )
      }
    }
    return new StepResponse(
      [...parts.values()].map(({ needs_shipping, profile_id, ...part }) => part) as CooperativePart[]
    )
  }
)
