import { z } from "zod"
import { isCalendarDay } from "../../../lib/dates"
import { parseRemittedAt } from "../../../modules/ledger/rules/remittance-csv"
import { MAX_VND } from "../../../lib/money"
import { text } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"

const SKEW_MS = 5 * 60_000

/** A day (midnight in Vietnam) or an instant with its offset, not in the future. */
const remittedAt = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const iso = parseRemittedAt(v)
    if (!iso) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be a day (YYYY-MM-DD) or an ISO date-time with its offset" })
      return z.NEVER
    }
    if (new Date(iso).getTime() > Date.now() + SKEW_MS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must not be in the future" })
      return z.NEVER
    }
    return iso
  })

export const CreateCodRemittanceBody = z
  .object({
    order_id: z.string().trim().min(1).max(100),
    carrier: text(100),
    amount: z
      .number({ invalid_type_error: "must be a whole number of đồng" })
      .int("must be a whole number of đồng (VND has no minor unit)")
      .positive("must be more than zero")
      .max(MAX_VND),
    reference: text(200).nullable().optional(),
    remitted_at: remittedAt.optional(),
  })
  .strict()

const dayOrInstant = z.string().max(40).refine((v) => isCalendarDay(v) || !!parseRemittedAt(v), "must be a day (YYYY-MM-DD) or an ISO date-time with its offset")

export const ListCodRemittancesQuery = z
  .object({
    ...paginationQuery,
    order_id: z.string().trim().min(1).max(100).optional(),
    order_group_id: z.string().trim().min(1).max(100).optional(),
    cooperative_id: z.string().trim().min(1).max(100).optional(),
    carrier: z.string().trim().min(1).max(100).optional(),
    reference: z.string().trim().min(1).max(200).optional(),
    source: z.enum(["admin", "csv"]).optional(),
    from: dayOrInstant.optional(),
    to: dayOrInstant.optional(),
  })
  .strict()
