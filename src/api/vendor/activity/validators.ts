import { z } from "zod"
import { paginationQuery } from "../../../lib/validation"
import { ACTIVITY_ACTOR_TYPES } from "../../../modules/cooperative/models/cooperative-activity"

export const ListActivityQuery = z
  .object({
    ...paginationQuery,
    /** The activity of one record (a product, order, lot…), as its page shows it. */
    record_id: z.string().regex(/^[0-9A-Za-z_]{1,80}$/, "must be a record id").optional(),
    actor_type: z.enum(ACTIVITY_ACTOR_TYPES).optional(),
  })
  .strict()
