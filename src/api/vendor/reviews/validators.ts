import { z } from "zod"
import { text } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"

export const VendorListReviewsQuery = z
  .object({
    ...paginationQuery,
    product_id: z.string().max(100).optional(),
    subject_type: z.enum(["product", "cooperative"]).optional(),
    replied: z.enum(["true", "false"]).optional(),
  })
  .strict()

export const ReplyToReviewBody = z.object({ body: text(2000) }).strict()
