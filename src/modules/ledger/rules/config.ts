// Ledger settings read from the environment at the moment they are used, so tests may change them.

const intFromEnv = (name: string, fallback: number, min: number, max: number) => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

/** Days a delivered sale waits before it may be paid out (returns and complaints). */
export const ledgerHoldDays = () => intFromEnv("LEDGER_HOLD_DAYS", 7, 0, 365)

/** The union-wide rate, in basis points, used when no `default` commission rule exists in the database. */
export const commissionDefaultBps = () => intFromEnv("COMMISSION_DEFAULT_BPS", 1000, 0, 10_000)

export const DAY_MS = 86_400_000

/** When an entry that becomes payable after the hold period does so. */
export const availableAfterHold = (deliveredAt: Date) => new Date(deliveredAt.getTime() + ledgerHoldDays() * DAY_MS)
