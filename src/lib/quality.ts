import type { MedusaContainer } from "@medusajs/framework/types"

export type EffectiveQuality = { ocop_stars: number | null; certificate_types: string[] }

/**
 * The OCOP stars and certificate types a product may show at `at` (default now): only verified,
 * unexpired, unrevoked ratings and certificates count. One entry per requested id.
 */
// replaced by the certification module on merge
export async function effectiveQuality(
  _container: MedusaContainer,
  productIds: string[],
  _at: Date = new Date()
): Promise<Map<string, EffectiveQuality>> {
  return new Map(productIds.map((id) => [id, { ocop_stars: null, certificate_types: [] }]))
}
