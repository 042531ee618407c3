import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes, notFound } from "../../../lib/errors"
import { MODERATION_TRANSITIONS, ModerationAction, REVIEW_MODULE, ReviewModuleService } from "../../../modules/review"
import type { InferTypeOf, MedusaContainer } from "@medusajs/framework/types"
import { ShopperReview } from "../../../modules/review/models/shopper-review"

const service = (c: MedusaContainer): ReviewModuleService => c.resolve(REVIEW_MODULE)

const UNDO_FIELDS = ["id", "status", "moderation_reason", "moderated_at", "moderated_by", "published_at", "reply", "replied_at", "replied_by"] as const
type ShopperReviewRow = InferTypeOf<typeof ShopperReview>
/** The fields a moderation or a reply changes, as they were: what compensation writes back. */
type ReviewUndo = Pick<ShopperReviewRow, (typeof UNDO_FIELDS)[number]>
const undoOf = (r: ShopperReviewRow) => Object.fromEntries(UNDO_FIELDS.map((f) => [f, r[f] ?? null])) as ReviewUndo

export type ModerateReviewInput = { id: string; action: ModerationAction; reason: string | null; admin_id: string }

/** publish / reject / hide by a union admin; the previous state is kept for compensation. */
export const applyModerationStep = createStep(
  "apply-review-moderation",
  async (input: ModerateReviewInput, { container }) => {
    const [review] = await service(container).listShopperReviews({ id: input.id })
    if (!review) throw notFound("Review", input.id)
    const transition = MODERATION_TRANSITIONS[input.action]
    if (!(transition.from as readonly string[]).includes(review.status)) {
      throw new CoopstallError(
        ErrorTypes.CONFLICT,
        "invalid_moderation_transition",
        `Cannot ${input.action} a review that is ${review.status}; ${input.action} applies to ${transition.from.join(" or ")} ones.`
      )
    }
    const now = new Date()
    await service(container).updateShopperReviews({
      id: review.id,
      status: transition.to,
      moderation_reason: input.reason,
      moderated_at: now,
      moderated_by: input.admin_id,
      ...(transition.to === "published" && !review.published_at ? { published_at: now } : {}),
    })
    return new StepResponse({ id: review.id, cooperative_id: review.cooperative_id, product_id: review.product_id, from: review.status, to: transition.to }, undoOf(review))
  },
  async (undo, { container }) => {
    if (undo) await service(container).updateShopperReviews(undo)
  }
)

export type ReplyToReviewInput = { id: string; cooperative_id: string; body: string; user_id: string }

/** The reviewed cooperative answers a published review, once. */
export const applyReplyStep = createStep(
  "apply-review-reply",
  async (input: ReplyToReviewInput, { container }) => {
    const [review] = await service(container).listShopperReviews({ id: input.id, cooperative_id: input.cooperative_id })
    if (!review) throw notFound("Review", input.id)
    if (review.status !== "published") {
      throw new CoopstallError(ErrorTypes.CONFLICT, "review_not_published", "Only a published review can be answered.")
    }
    if (review.reply) throw new CoopstallError(ErrorTypes.CONFLICT, "already_replied", "This review has already been answered; a cooperative answers a review once.")
    await service(container).updateShopperReviews({ id: review.id, reply: input.body, replied_at: new Date(), replied_by: input.user_id })
    return new StepResponse({ id: review.id }, undoOf(review))
  },
  async (undo, { container }) => {
    if (undo) await service(container).updateShopperReviews(undo)
  }
)
