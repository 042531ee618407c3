import { z } from "zod"
import { optionalText } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"
import { COMMISSION_SCOPES } from "../../../modules/ledger"

const id = z.string().trim().min(1).max(100)

/** Basis points: 0 (no commission) to 10,000 (everything); 1,000 = 10 %. */
export const rateBps = z
  .number({ invalid_type_error: "must be a whole number of basis points (1000 = 10 %)" })
  .int("must be a whole number of basis points (1000 = 10 %, 1250 = 12.5 %)")
  .min(0, "must not be negative")
  .max(10_000, "must be at most 10000 (100 %)")

/** Which ids each scope needs, and which it must not have. */
const NEEDS: Record<(typeof COMMISSION_SCOPES)[number], { cooperative_id: boolean; category_id: boolean }> = {
  default: { cooperative_id: false, category_id: false },
  cooperative: { cooperative_id: true, category_id: false },
  category: { cooperative_id: false, category_id: true },
  cooperative_category: { cooperative_id: true, category_id: true },
}

export const CreateCommissionRateBody = z
  .object({
    scope: z.enum(COMMISSION_SCOPES),
    cooperative_id: id.optional(),
    category_id: id.optional(),
    rate_bps: rateBps,
    note: optionalText(500),
    reason: optionalText(500),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const field of ["cooperative_id", "category_id"] as const) {
      const needed = NEEDS[body.scope][field]
      if (needed && !body[field]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `is required for scope ${body.scope}` })
      if (!needed && body[field]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `is not allowed for scope ${body.scope}` })
    }
  })

/** `reason`: why the rate changes, kept in the history (GET /admin/commission-rates/history). */
export const UpdateCommissionRateBody = z.object({ rate_bps: rateBps, note: optionalText(500), reason: optionalText(500) }).strict()

/** DELETE may say why (a body is optional). */
export const DeleteCommissionRateBody = z.object({ reason: optionalText(500) }).strict()

export const CommissionRateHistoryQuery = z
  .object({
    ...paginationQuery,
    scope: z.enum(COMMISSION_SCOPES).optional(),
    cooperative_id: id.optional(),
    category_id: id.optional(),
    commission_rate_id: id.optional(),
  })
  .strict()

export const CommissionRatePreviewQuery = z
  .object({
    ...paginationQuery,
    cooperative_id: id.optional(),
    category_id: id.optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict()

export const ListCommissionRatesQuery = z
  .object({
    ...paginationQuery,
    scope: z.enum(COMMISSION_SCOPES).optional(),
    cooperative_id: id.optional(),
    category_id: id.optional(),
  })
  .strict()
