import type { MedusaContainer } from "@medusajs/framework/types"

// replaced by the certification module on merge

export type EffectiveOcopRating = {
  id: string
  stars: 3 | 4 | 5
  product_group: string
  decision_number: string
  issuing_authority: string
  decision_date: string /* YYYY-MM-DD */
  valid_until: string /* last valid day, YYYY-MM-DD, Vietnam time */
  expires_at: string /* ISO instant */
}
export type EffectiveCertificate = {
  id: string
  type: "vietgap" | "organic" | "globalgap" | "other"
  code: string
  issuing_body: string
  valid_until: string
  expires_at: string
}
export type ProductQuality = { ocop_rating: EffectiveOcopRating | null; certificates: EffectiveCertificate[] }

export async function productQuality(
  _container: MedusaContainer,
  productIds: string[],
  _at?: Date
): Promise<Map<string, ProductQuality>> {
  return new Map(productIds.map((id) => [id, { ocop_rating: null, certificates: [] }]))
}
