import { z } from "zod"

// Calendar days (decision dates, certificate validity) are days in Vietnam (UTC+7, no daylight saving).
// An instant is derived from a day only here, so "expires on day D" means the same moment everywhere.
const VN_OFFSET = "+07:00"
/** Vietnam's offset from UTC in milliseconds (UTC+7 all year, no daylight saving). */
export const VN_OFFSET_MS = 7 * 3600_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Is `value` a real calendar day written YYYY-MM-DD? */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/** The first instant of a day in Vietnam. */
export const startOfVnDay = (day: string) => new Date(`${day}T00:00:00${VN_OFFSET}`)

/** An instant as Vietnam's wall clock, ISO-shaped ("2026-03-05T14:30:00.000Z" means 14:30 in Vietnam). */
const vnWallClock = (at: Date | string) => new Date(new Date(at).getTime() + VN_OFFSET_MS).toISOString()

/** The day (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vnDay(at: Date): string {
  return vnWallClock(at).slice(0, 10)
}

/** An instant as "2026-03-05 14:30" in Vietnam time (sorts as text, for exports). */
export function vnDayTime(at: Date | string): string {
  const clock = vnWallClock(at)
  return `${clock.slice(0, 10)} ${clock.slice(11, 16)}`
}

/** Adds whole months to a day; a day missing in the target month becomes that month's last day (29 Feb + 12 → 28 Feb). */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

export const addDaysToDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** Something valid through `lastValidDay` (inclusive) stops being valid at the start of the next day. */
export const expiryAfterLastDay = (lastValidDay: string) => startOfVnDay(addDaysToDay(lastValidDay, 1))

/** The last day something is valid, from the instant it expires. */
export const lastValidDay = (expiresAt: Date) => addDaysToDay(vnDay(expiresAt), -1)

export const calendarDay = z
  .string()
  .refine(isCalendarDay, "must be a calendar day written YYYY-MM-DD, e.g. 2025-07-01")

/** "2026-03-05" → "05/03/2026", as Vietnamese readers write a day. */
export function formatDay(day: string | null | undefined): string | null {
  if (!day) return null
  const [y, m, d] = day.split("-")
  return `${d}/${m}/${y}`
}

/** An instant as "05/03/2026 14:30" in Vietnam time. */
export function formatInstant(value: Date | string): string {
  const clock = vnWallClock(value)
  return `${formatDay(clock.slice(0, 10))} ${clock.slice(11, 16)}`
}
