import { z } from "zod"
import { optionalText, text } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"
import { RETURN_STATUSES } from "../../../modules/cooperative-return"

export const RETURN_MAX_PHOTOS = 5
const id = z.string().min(1).max(100)

/** `{ items: [{ line_item_id, quantity }], reason, photos: [file id] }`: items of this order, each once. */
export const RequestReturnBody = z
  .object({
    items: z
      .array(z.object({ line_item_id: id, quantity: z.number().int().min(1).max(100_000) }).strict())
      .min(1)
      .max(100)
      .refine((items) => new Set(items.map((i) => i.line_item_id)).size === items.length, "name each item once"),
    reason: text(2000),
    photos: z.array(id).min(1, "add at least one photo (POST /store/return-photos)").max(RETURN_MAX_PHOTOS).refine((p) => new Set(p).size === p.length, "name each photo once"),
  })
  .strict()

export const EscalateReturnBody = z.object({ note: text(2000) }).strict()

export const ListReturnsQuery = z
  .object({
    status: z.enum(RETURN_STATUSES).optional(),
    ...paginationQuery,
  })
  .strict()

/** The cooperative's accept/refuse: a refusal says why. */
export const AcceptReturnBody = z.object({ note: optionalText(2000) }).strict()
export const RefuseReturnBody = z.object({ reason: text(2000) }).strict()
export const ReceiveReturnBody = z.object({}).strict()
/** The union decides an escalated return: accept (the return goes ahead) or refuse, with its reason. */
export const DecideReturnBody = z.object({ decision: z.enum(["accept", "refuse"]), note: text(2000) }).strict()
