import { z } from "zod"
import { calendarDay } from "../../../lib/dates"
import { paginationQuery } from "../../../lib/validation"
import { text } from "../../../lib/schemas"
import { OCOP_PRODUCT_GROUPS, REVIEW_STATUSES } from "../../../modules/certification"

const stars = z
  .number({ invalid_type_error: "must be a number: 3, 4 or 5" })
  .int()
  .refine((s) => s === 3 || s === 4 || s === 5, "OCOP recognises only 3, 4 or 5 stars; 1★ and 2★ ratings carry no certificate and cannot be listed")

const ratingFields = {
  stars,
  product_group: z.enum(OCOP_PRODUCT_GROUPS),
  decision_number: text(60),
  issuing_authority: text(200),
  decision_date: calendarDay,
  evidence_file_id: z.string().min(1).max(500),
}

export const SubmitOcopRatingBody = z.object({ product_id: z.string().min(1).max(100), ...ratingFields }).strict()
export type SubmitOcopRatingBody = z.infer<typeof SubmitOcopRatingBody>

export const ResubmitOcopRatingBody = z
  .object(ratingFields)
  .partial()
  .strict()
export type ResubmitOcopRatingBody = z.infer<typeof ResubmitOcopRatingBody>

export const ListOcopRatingsQuery = z
  .object({ ...paginationQuery, status: z.enum(REVIEW_STATUSES).optional(), product_id: z.string().optional() })
  .strict()
