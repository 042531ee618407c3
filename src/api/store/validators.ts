import { z } from "zod"
import { paginationQuery } from "../../lib/validation"
import { province } from "../../lib/schemas"
import { CERTIFICATE_TYPES } from "../../modules/certification"

export const StoreListCooperativesQuery = z
  .object({ ...paginationQuery, province: province.optional(), q: z.string().max(200).optional() })
  .strict()

/** Our additions to Medusa's GET /store/products: quality filters, taken off the query before Medusa validates it. */
export const StoreProductQualityQuery = z.object({
  ocop_min_stars: z.coerce.number().int().min(3, "OCOP stars start at 3").max(5).optional(),
  certificate: z.enum(CERTIFICATE_TYPES).optional(),
})
