import { z } from "zod"
import { CERTIFICATE_TYPES, REVIEW_ACTIONS, REVIEW_STATUSES } from "../../modules/certification"
import { COOPERATIVE_ACTIONS, COOPERATIVE_STATUSES } from "../../modules/cooperative"
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

export const CooperativeActionParams = z.object({
  action: z.enum(COOPERATIVE_ACTIONS, { errorMap: () => ({ message: `must be one of ${COOPERATIVE_ACTIONS.join(", ")}` }) }),
})

/** Every status decision carries a reason; approving may use a default one. */
export const CooperativeActionBody = z.object({ reason: text(2000).optional() }).strict()

export const ProductDecisionBody = z.object({ reason: text(2000).optional() }).strict()

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

export const ReviewActionParams = z.object({ action: z.enum(REVIEW_ACTIONS) })

/** A verification may carry a note; a rejection or revocation must say why. */
export const ReviewActionBody = z.object({ note: text(2000).optional() }).strict()
