import { z } from "zod"

/** VND has no minor unit: an amount is a whole number of đồng, never multiplied by 100. */
export const MAX_VND = 10_000_000_000

export const vndAmount = z
  .number({ invalid_type_error: "must be a whole number of đồng" })
  .int("must be a whole number of đồng (VND has no minor unit)")
  .min(0, "must not be negative")
  .max(MAX_VND, "is larger than any price on this marketplace")

const formatter = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })

/** 120000 → "120.000 ₫" */
export const formatVnd = (amount: number) => formatter.format(amount)
