// A shopper review's life: written by a buyer (pending), then published, rejected (with a reason) or,
// once published, hidden by the union. A cooperative may answer a published review once.

export const REVIEW_SUBJECTS = ["product", "cooperative"] as const
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number]

export const SHOPPER_REVIEW_STATUSES = ["pending", "published", "rejected", "hidden"] as const
export type ShopperReviewStatus = (typeof SHOPPER_REVIEW_STATUSES)[number]

export const MODERATION_ACTIONS = ["publish", "reject", "hide"] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export const MODERATION_TRANSITIONS: Record<ModerationAction, { from: ShopperReviewStatus[]; to: ShopperReviewStatus }> = {
  publish: { from: ["pending", "hidden"], to: "published" },
  reject: { from: ["pending"], to: "rejected" },
  hide: { from: ["published"], to: "hidden" },
}

export const MAX_REVIEW_PHOTOS = 6
