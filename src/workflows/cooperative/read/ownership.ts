import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import CooperativeOrderLink from "../../../links/cooperative-order"
import CooperativeProductLink from "../../../links/cooperative-product"
import CooperativeShippingProfileLink from "../../../links/cooperative-shipping-profile"
import CooperativeStockLocationLink from "../../../links/cooperative-stock-location"

// Who owns what. Every vendor-side read and write asks these questions through here, so
// tenant isolation has one implementation to get right.

export async function cooperativeProductIds(container: MedusaContainer, cooperativeId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: CooperativeProductLink.entryPoint,
    fields: ["product_id"],
    filters: { cooperative_id: cooperativeId },
  })
  return data.map((row: { product_id: string }) => row.product_id)
}

type ProductOwnerRow = { product_id: string; cooperative_id: string }

export async function cooperativeIdsOfProducts(
  container: MedusaContainer,
  productIds: string[]
): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = productIds.length
    ? await query.graph({
        entity: CooperativeProductLink.entryPoint,
        fields: ["product_id", "cooperative_id"],
        filters: { product_id: productIds },
      })
    : { data: [] as ProductOwnerRow[] }
  return new Map(data.map((row: ProductOwnerRow) => [row.product_id, row.cooperative_id] as const))
}

/** The subset of `productIds` that belongs to the cooperative. */
export async function ownedProductIds(
  container: MedusaContainer,
  cooperativeId: string,
  productIds: string[]
): Promise<string[]> {
  const owners = await cooperativeIdsOfProducts(container, productIds)
  return productIds.filter((id) => owners.get(id) === cooperativeId)
}

export async function cooperativeStockLocationId(
  container: MedusaContainer,
  cooperativeId: string
): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: CooperativeStockLocationLink.entryPoint,
    fields: ["stock_location_id"],
    filters: { cooperative_id: cooperativeId },
  })
  return data[0]?.stock_location_id ?? null
}

/** The product id of a variant, if the variant exists and belongs to one of the cooperative's products. */
export async function ownedVariantProductId(
  container: MedusaContainer,
  cooperativeId: string,
  variantId: string
): Promise<string | null> {
  const [variant] = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ id: variantId }, { select: ["id", "product_id"] })
  if (!variant?.product_id) return null
  const owned = await ownedProductIds(container, cooperativeId, [variant.product_id])
  return owned.length ? variant.product_id : null
}

/** Whether an inventory item stocks a variant of one of the cooperative's products. */
export async function ownsInventoryItem(
  container: MedusaContainer,
  cooperativeId: string,
  inventoryItemId: string
): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant_id", "variant.product_id"],
    filters: { inventory_item_id: inventoryItemId },
  })
  const productIds = data
    .map((row: { variant?: { product_id?: string | null } | null }) => row.variant?.product_id)
    .filter((id): id is string => Boolean(id))
  return (await ownedProductIds(container, cooperativeId, productIds)).length > 0
}

/** Ids of the cooperative's orders (every marketplace order belongs to exactly one cooperative). */
export async function cooperativeOrderIds(container: MedusaContainer, cooperativeId: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: CooperativeOrderLink.entryPoint,
    fields: ["order_id"],
    filters: { cooperative_id: cooperativeId },
  })
  return data.map((row: { order_id: string }) => row.order_id)
}

export async function ownsOrder(container: MedusaContainer, cooperativeId: string, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: CooperativeOrderLink.entryPoint,
    fields: ["order_id"],
    filters: { cooperative_id: cooperativeId, order_id: orderId },
  })
  return data.length === 1
}

/** Whether a fulfilment was made for this order. */
export async function orderHasFulfillment(container: MedusaContainer, orderId: string, fulfillmentId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { order_id: orderId, fulfillment_id: fulfillmentId },
  })
  return data.length === 1
}

/** The shipping profile the cooperative's products and shipping options use. */
export async function cooperativeShippingProfileId(container: MedusaContainer, cooperativeId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: CooperativeShippingProfileLink.entryPoint,
    fields: ["shipping_profile_id"],
    filters: { cooperative_id: cooperativeId },
  })
  return data[0]?.shipping_profile_id ?? null
}

/** Whether a shipping option ships the cooperative's products (it uses the cooperative's profile). */
export async function ownsShippingOption(container: MedusaContainer, cooperativeId: string, optionId: string): Promise<boolean> {
  const profileId = await cooperativeShippingProfileId(container, cooperativeId)
  if (!profileId) return false
  const options = await container.resolve(Modules.FULFILLMENT).listShippingOptions({ id: optionId, shipping_profile_id: profileId }, { select: ["id"] })
  return options.length === 1
}

/**
 * A cart and the cooperatives whose products are in it, in the cart's order, each with its own
 * shipping profile (the link row, with the cooperative's name and handle). Null for an unknown cart.
 */
export async function cartCooperatives(container: MedusaContainer, cartId: string, cartFields: string[] = []) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.product_id", ...cartFields], filters: { id: cartId } })
  const cart: any = carts[0]
  if (!cart) return null
  const items: any[] = cart.items ?? []
  const owners = await cooperativeIdsOfProducts(container, [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[])
  const cooperativeIds = [...new Set(items.map((i) => owners.get(i.product_id)).filter(Boolean))] as string[]
  const { data: profiles } = cooperativeIds.length
    ? await query.graph({
        entity: CooperativeShippingProfileLink.entryPoint,
        fields: ["cooperative_id", "shipping_profile_id", "cooperative.name", "cooperative.handle"],
        filters: { cooperative_id: cooperativeIds },
      })
    : { data: [] as any[] }
  return { cart, items, owners, cooperativeIds, profiles: profiles as any[] }
}
