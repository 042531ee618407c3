import { z } from "zod"
import { CERTIFICATE_TYPES, REVIEW_STATUSES } from "../../modules/certification"
import { COOPERATIVE_STATUSES } from "../../modules/cooperative"
import { REVIEW_SUBJECTS, SHOPPER_REVIEW_STATUSES } from "../../modules/review"
import { paginationQuery } from "../../lib/validation"
import { province, text } from "../../lib/schemas"

export const AdminListCooperativesQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(COOPERATIVE_STATUSES).optional(),
    province: province.optional(),
    q: z.string().max(200).optional(),
  })
  .strict()

/** Every status decision carries a reason; approving may use a default one. */
export const CooperativeActionBody = z.object({ reason: text(2000).optional() }).strict()

export const ProductDecisionBody = z
  .object({
    reason: text(2000).optional(),
    /** The revision the admin reviewed (from the product queue): the decision is refused if the cooperative replaced it since. */
    revision_id: z.string().regex(/^prev_[0-9A-Za-z]{1,64}$/, "must be a revision id from the product queue").optional(),
  })
  .strict()

export const AdminProductQueueQuery = z
  .object({
    ...paginationQuery,
    kind: z.enum(["product", "revision"]).optional(),
  })
  .strict()

const reviewQueue = {
  ...paginationQuery,
  status: z.enum(REVIEW_STATUSES).optional(),
  province: province.optional(),
  cooperative_id: z.string().max(100).optional(),
}

export const AdminListOcopRatingsQuery = z
  .object({ ...reviewQueue, stars: z.coerce.number().int().min(3).max(5).optional() })
  .strict()

export const AdminListCertificatesQuery = z
  .object({ ...reviewQueue, type: z.enum(CERTIFICATE_TYPES).optional() })
  .strict()

/** A verification may carry a note; a rejection or revocation must say why. */
export const ReviewActionBody = z.object({ note: text(2000).optional() }).strict()

export const AdminListReviewsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(SHOPPER_REVIEW_STATUSES).optional(),
    cooperative_id: z.string().max(100).optional(),
    product_id: z.string().max(100).optional(),
    subject_type: z.enum(REVIEW_SUBJECTS).optional(),
    stars: z.coerce.number().int().min(1).max(5).optional(),
    q: z.string().max(200).optional(),
  })
  .strict()

/** Publishing or hiding may carry a reason; a rejection must say why. */
export const ReviewModerationBody = z.object({ reason: text(2000).optional() }).strict()
