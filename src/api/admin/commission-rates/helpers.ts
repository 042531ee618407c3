import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export type TargetNames = {
  cooperative: (id: string | null | undefined) => { id: string; name: string; handle: string } | null
  category: (id: string | null | undefined) => { id: string; name: string; handle: string } | null
}

/**
 * The names of the cooperatives and categories that rules, history lines or products point to: two
 * queries for a whole page. An id whose cooperative or category no longer exists answers null (the
 * caller shows the id).
 */
export async function targetNames(
  container: MedusaContainer,
  rows: { cooperative_id?: string | null; category_id?: string | null }[]
): Promise<TargetNames> {
  const coopIds = [...new Set(rows.map((r) => r.cooperative_id).filter((v): v is string => !!v))]
  const catIds = [...new Set(rows.map((r) => r.category_id).filter((v): v is string => !!v))]
  const [coops, cats] = await Promise.all([
    coopIds.length
      ? (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: coopIds }, { select: ["id", "name", "handle"] })
      : [],
    catIds.length
      ? container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_category", fields: ["id", "name", "handle"], filters: { id: catIds } }).then((r) => r.data)
      : [],
  ])
  type Named = { id: string; name: string; handle: string }
  const coopById = new Map((coops as Named[]).map((c) => [c.id, { id: c.id, name: c.name, handle: c.handle }]))
  const catById = new Map((cats as Named[]).map((c) => [c.id, { id: c.id, name: c.name, handle: c.handle }]))
  return {
    cooperative: (id) => (id ? coopById.get(id) ?? null : null),
    category: (id) => (id ? catById.get(id) ?? null : null),
  }
}
