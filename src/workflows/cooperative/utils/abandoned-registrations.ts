/** Days without any change after which a pending registration counts as abandoned (COOPERATIVE_PENDING_EXPIRY_DAYS, default 60; 0 turns expiry off). */
export function pendingExpiryDays(): number {
  const raw = process.env.COOPERATIVE_PENDING_EXPIRY_DAYS
  const value = Number(raw)
  return raw !== undefined && raw !== "" && Number.isSafeInteger(value) && value >= 0 ? value : 60
}

/** Whether a pending registration last changed at `updatedAt` is abandoned at `now`. */
export function isAbandoned(updatedAt: Date | string, now: Date, days = pendingExpiryDays()): boolean {
  return days > 0 && now.getTime() - new Date(updatedAt).getTime() >= days * 24 * 3600 * 1000
}
