// The union's rules for returns after delivery (issue 16, docs/returns.md), read when used so tests may change them.

const intFromEnv = (name: string, fallback: number, min: number, max: number) => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`)
  return value
}

/** Days after delivery during which a shopper may ask to return items (default 7). */
export const returnWindowDays = () => intFromEnv("RETURN_WINDOW_DAYS", 7, 0, 365)

/** How much of its commission on returned items the union keeps, in percent (default 0: all of it goes back to the cooperative). */
export const returnCommissionKeptPercent = () => intFromEnv("RETURN_COMMISSION_KEPT_PERCENT", 0, 0, 100)

/**
 * The part of `total` (whole đồng, for `quantity` units) that `returned` more units take when
 * `before` units were returned already: cumulative rounding, so returning every unit in several
 * returns gives back exactly `total`.
 */
export function shareOfUnits(total: number, quantity: number, before: number, returned: number): number {
  if (quantity <= 0) return 0
  return Math.round((total * (before + returned)) / quantity) - Math.round((total * before) / quantity)
}

/** The commission a return gives back to the cooperative: what was taken on the items, less what the union keeps. */
export function commissionGivenBack(commissionTaken: number, keptPercent: number = returnCommissionKeptPercent()): number {
  return commissionTaken - Math.round((commissionTaken * keptPercent) / 100)
}
