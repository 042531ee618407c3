import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { CoopstallError } from "../../../lib/errors"
import { cooperativeIdsOfProducts } from "../../cooperative/read/ownership"
import { COOPERATIVE_MODULE, CooperativeModuleService, isSelling } from "../../../modules/cooperative"

/**
 * Refuses, naming the item, any variant that may not be bought right now: its product is not
 * published, or its cooperative is missing or not approved. Checked when an item enters a cart
 * and again when the cart is completed, since a status can change in between.
 */
export async function assertVariantsSellable(container: MedusaContainer, variantIds: (string | null | undefined)[]) {
  const ids = [...new Set(variantIds.filter((id): id is string => !!id))]
  if (!ids.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "product.id", "product.title", "product.status"],
    filters: { id: ids },
  })
  const owners = await cooperativeIdsOfProducts(container, variants.map((v: any) => v.product?.id).filter(Boolean))
  const cooperativeIds = [...new Set(owners.values())]
  const cooperatives = cooperativeIds.length
    ? await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: cooperativeIds })
    : []
  const byId = new Map(cooperatives.map((c) => [c.id, c]))

  for (const variant of variants as any[]) {
    const name = `"${variant.product?.title} – ${variant.title}"`
    if (variant.product?.status !== ProductStatus.PUBLISHED) {
      throw new CoopstallError(400, "product_not_on_sale", `${name} is not on sale.`)
    }
    const cooperative = byId.get(owners.get(variant.product.id) ?? "")
    if (!cooperative) {
      throw new CoopstallError(400, "product_without_cooperative", `${name} belongs to no cooperative and cannot be sold.`)
    }
    if (!isSelling(cooperative.status)) {
      throw new CoopstallError(400, "cooperative_not_selling", `${name} cannot be bought: ${cooperative.name} is not selling on the marketplace right now.`)
    }
  }
}
