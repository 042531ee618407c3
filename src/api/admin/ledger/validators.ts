import { z } from "zod"
import { text } from "../../../lib/schemas"
import { MAX_VND } from "../../../lib/money"
import { paginationQuery } from "../../../lib/validation"

export const LedgerAdjustmentBody = z
  .object({
    amount: z
      .number({ invalid_type_error: "must be a whole number of đồng, positive or negative" })
      .int("must be a whole number of đồng (VND has no minor unit)")
      .refine((v) => v !== 0, "must not be zero")
      .refine((v) => Math.abs(v) <= MAX_VND, "is larger than any amount on this marketplace"),
    reason: text(2000),
    idempotency_key: z.string().trim().min(1).max(200).optional(),
  })
  .strict()

export const ReconciliationQuery = z
  .object({ ...paginationQuery, cooperative_id: z.string().trim().min(1).max(100).optional() })
  .strict()

export const OrderRefundBody = z
  .object({
    amount: z
      .number({ invalid_type_error: "must be a whole number of đồng" })
      .int("must be a whole number of đồng (VND has no minor unit)")
      .positive("must be more than zero")
      .max(MAX_VND),
    note: text(2000).optional(),
  })
  .strict()
