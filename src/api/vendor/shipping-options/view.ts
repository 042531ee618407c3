import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COOPERATIVE_RATE_PROVIDER_ID } from "../../../modules/fulfillment-cooperative-rate"

const FIELDS = ["id", "name", "price_type", "provider_id", "data", "prices.amount", "prices.currency_code", "type.label", "type.description", "type.code"]

/** A shipping option as the cooperative manages it: a flat amount in đồng, and from which amount it is free. */
/** A shipping option read with FIELDS. */
type ShippingOptionRow = {
  id: string
  name: string
  provider_id?: string | null
  data?: Record<string, unknown> | null
  prices?: ({ amount?: unknown; currency_code?: string | null } | null)[] | null
  type?: { description?: string | null } | null
}

export function serializeShippingOption(o: ShippingOptionRow) {
  const own = o.provider_id === COOPERATIVE_RATE_PROVIDER_ID
  return {
    id: o.id,
    name: o.name,
    description: o.type?.description ?? null,
    amount: own ? Number(o.data?.amount) : Number((o.prices ?? []).find((p) => p?.currency_code === "vnd")?.amount ?? 0),
    free_above: own ? (o.data?.free_above ?? null) : null,
    // The standard option the marketplace gave the cooperative on approval; its rate is fixed.
    editable: own,
  }
}

export async function listCooperativeShippingOptions(container: MedusaContainer, profileId: string, ids?: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: FIELDS,
    filters: { shipping_profile_id: profileId, ...(ids ? { id: ids } : {}) },
  })
  return data.map((o) => serializeShippingOption(o as ShippingOptionRow))
}
