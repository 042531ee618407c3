import { z } from "zod"
import { PAYOUT_STATUSES } from "../../../modules/ledger"
import { text } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"

// The shape is checked here; whether the period exists for the configured kind (week or month) is
// checked by the run itself (400 invalid_period).
export const StartPayoutRunBody = z.object({ period: z.string().max(20).optional() }).strict()

export const PayoutPreviewQuery = z.object({ period: z.string().max(20).optional() }).strict()

export const ListPayoutRunsQuery = z.object({ ...paginationQuery }).strict()

export const ListPayoutsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(PAYOUT_STATUSES).optional(),
    cooperative_id: z.string().max(100).optional(),
    period: z.string().max(20).optional(),
  })
  .strict()

export const MarkPayoutPaidBody = z.object({ reference: text(100) }).strict()

export const MarkPayoutFailedBody = z.object({ reason: text(1000) }).strict()

export const PayoutQrQuery = z
  .object({
    format: z.enum(["svg", "png"]).default("svg"),
    size: z.coerce.number().int().min(128).max(2048).default(512),
  })
  .strict()

export const VerifyBankAccountBody = z.object({}).strict()

export const ConnectStripeAccountBody = z
  .object({ stripe_account_id: z.string().regex(/^acct_[A-Za-z0-9]{6,64}$/, "must be a Stripe account id, acct_…").nullable() })
  .strict()

export const VendorListPayoutsQuery = z.object({ ...paginationQuery, status: z.enum(PAYOUT_STATUSES).optional() }).strict()
