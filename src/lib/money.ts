import { z } from "zod"

/**
 * VND has no minor unit: an amount is a whole number of đồng, never multiplied by 100.
 *
 * MAX_VND is the one maximum for money on this marketplace: every amount typed in (price,
 * shipping, adjustment, refund) and every amount stored (ledger line, payout, purchase total) is at
 * most this much, and the database refuses more (CHECK constraints written with this same number in
 * the ledger and order-group migrations; integration-tests/unit/money-bounds.spec.ts holds them
 * together). The columns are bigint, and 10^12 is far below 2^53, so sums of many amounts stay exact
 * as JavaScript numbers.
 */
export const MAX_VND = 1_000_000_000_000

/** A bigint column read through the ORM arrives as a string: every amount leaves a module as a number. */
// null and undefined pass through (nullable columns); the type names the usual, present case.
export const vndFromDb = (value: unknown): number =>
  value === null || value === undefined ? (value as never) : Number(value)

/**
 * Wraps a module service's generated methods so that what they return passes through `fix` (used to
 * turn bigint amounts into numbers); their signatures stay the generated ones.
 */
export function numbersOut(service: object, fixes: Record<string, (result: unknown) => unknown>) {
  const methods = service as Record<string, unknown>
  for (const [name, fix] of Object.entries(fixes)) {
    const original = methods[name]
    if (typeof original !== "function") throw new Error(`numbersOut: ${name} is not a method of this service`)
    methods[name] = async (...args: unknown[]) => fix(await original.apply(service, args))
  }
}

export const vndAmount = z
  .number({ invalid_type_error: "must be a whole number of đồng" })
  .int("must be a whole number of đồng (VND has no minor unit)")
  .min(0, "must not be negative")
  .max(MAX_VND, "is larger than any price on this marketplace")

const formatter = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })

/** 120000 → "120.000 ₫" */
export const formatVnd = (amount: number) => formatter.format(amount)

/**
 * Splits a whole-đồng `total` into integer parts proportional to `weights` (which may carry
 * fractions, e.g. discounts spread over items). Largest remainder: each part gets the floor of its
 * exact share, the đồng left over go one each to the largest fractional parts, ties to the earlier
 * part. The parts always sum to `total`, and the same input always gives the same split.
 */
export function allocateVnd(total: number, weights: number[]): number[] {
  if (!Number.isInteger(total)) throw new Error(`allocateVnd: ${total} is not a whole number of đồng`)
  if (!weights.length) return []
  const sum = weights.reduce((a, w) => a + w, 0)
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length))
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((a, p) => a + p, 0)
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1
  return parts
}
