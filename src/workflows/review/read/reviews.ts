import type { MedusaContainer } from "@medusajs/framework/types"
import { REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"
import { summarize, type ReviewSummary } from "../../../modules/review/rules/summary"

// What shoppers see of reviews: published ones only, with the union's decisions and the
// cooperative's answer. Everything here returns text exactly as the shopper typed it; HTML
// renderers escape it (React does by default).

const service = (container: MedusaContainer): ReviewModuleService => container.resolve(REVIEW_MODULE)

/** Average and count of published product reviews, per product (every id gets an entry). */
export async function productReviewSummaries(container: MedusaContainer, productIds: string[]): Promise<Map<string, ReviewSummary>> {
  const counts = await service(container).publishedStarCounts("product_id", productIds, "product")
  return new Map([...counts].map(([id, stars]) => {
    const { average_rating, review_count } = summarize(stars)
    return [id, { average_rating, review_count }]
  }))
}

/** Average and count of the published reviews of each cooperative (of the cooperative itself, as a seller). */
export async function cooperativeReviewSummaries(container: MedusaContainer, cooperativeIds: string[]): Promise<Map<string, ReviewSummary>> {
  const counts = await service(container).publishedStarCounts("cooperative_id", cooperativeIds, "cooperative")
  return new Map([...counts].map(([id, stars]) => {
    const { average_rating, review_count } = summarize(stars)
    return [id, { average_rating, review_count }]
  }))
}

/** A published review as the store shows it, with the cooperative's answer under it. */
export const publicReview = (r: any) => ({
  id: r.id,
  subject_type: r.subject_type,
  product_id: r.product_id,
  cooperative_id: r.cooperative_id,
  rating: r.rating,
  title: r.title,
  body: r.body,
  photo_urls: r.photo_urls ?? [],
  author_name: r.author_name,
  published_at: r.published_at,
  created_at: r.created_at,
  reply: r.reply ? { body: r.reply, replied_at: r.replied_at } : null,
})

/** The whole review, for union admins and (published ones) for the reviewed cooperative. */
export const fullReview = (r: any) => ({
  ...publicReview(r),
  order_id: r.order_id,
  customer_id: r.customer_id,
  status: r.status,
  moderation_reason: r.moderation_reason,
  moderated_at: r.moderated_at,
  moderated_by: r.moderated_by,
  updated_at: r.updated_at,
})

export const vendorReview = (r: any) => {
  const { customer_id, moderated_by, ...rest } = fullReview(r)
  return rest
}
