import { z } from "zod"
import { paginationQuery } from "../../lib/validation"
import { province } from "../../lib/schemas"

export const StoreListCooperativesQuery = z
  .object({ ...paginationQuery, province: province.optional(), q: z.string().max(200).optional() })
  .strict()
