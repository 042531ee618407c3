import { z } from "zod"
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
