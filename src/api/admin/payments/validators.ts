import { z } from "zod"
import { MAX_VND } from "../../../lib/money"
import { text } from "../../../lib/schemas"

/** Medusa's own refund body (AdminCreatePaymentRefund), in whole đồng: amount omitted refunds all that remains. */
export const PaymentRefundBody = z
  .object({
    amount: z
      .number({ invalid_type_error: "must be a whole number of đồng" })
      .int("must be a whole number of đồng (VND has no minor unit)")
      .positive("must be more than zero")
      .max(MAX_VND)
      .optional(),
    refund_reason_id: z.string().trim().min(1).max(100).optional(),
    note: text(2000).optional(),
  })
  .strict()
