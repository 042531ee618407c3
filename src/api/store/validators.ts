import { z } from "zod"
import { paginationQuery } from "../../lib/validation"
import { province, text } from "../../lib/schemas"
import { MAX_REVIEW_PHOTOS } from "../../modules/review"
import { CERTIFICATE_TYPES } from "../../modules/certification"

export const StoreListCooperativesQuery = z
  .object({ ...paginationQuery, province: province.optional(), q: z.string().max(200).optional() })
  .strict()

/** Our additions to Medusa's GET /store/products: quality filters, taken off the query before Medusa validates it. */
export const StoreProductQualityQuery = z.object({
  ocop_min_stars: z.coerce.number().int().min(3, "OCOP stars start at 3").max(5).optional(),
  certificate: z.enum(CERTIFICATE_TYPES).optional(),
})

const photoUrl = z
  .string()
  .url("must be a URL")
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL")

/** POST /store/reviews: a product of the order (product_id) or the cooperative that sold it (cooperative_id). */
export const CreateReviewBody = z
  .object({
    order_id: z.string().min(1).max(100),
    product_id: z.string().min(1).max(100).optional(),
    cooperative_id: z.string().min(1).max(100).optional(),
    rating: z.number().int().min(1, "stars go from 1 to 5").max(5, "stars go from 1 to 5"),
    title: text(200),
    body: text(5000),
    photo_urls: z.array(photoUrl).max(MAX_REVIEW_PHOTOS).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.product_id) !== Boolean(b.cooperative_id), {
    message: "name exactly one of product_id or cooperative_id",
    path: ["product_id"],
  })

export const StoreListReviewsQuery = z
  .object({ ...paginationQuery, rating: z.coerce.number().int().min(1).max(5).optional() })
  .strict()
