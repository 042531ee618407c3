// Calendar days of a lot (harvest, packing, best-before) are plain YYYY-MM-DD strings: a harvest day
// has no time zone. Instants (when a step happened) are shown in Vietnam time (UTC+7, no DST).

const VIETNAM_OFFSET_MS = 7 * 3600_000

/** Whether `value` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Today's calendar day in Vietnam. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/** "2026-03-05" → "05/03/2026", as Vietnamese readers write a day. */
export function formatDay(day: string | null | undefined): string | null {
  if (!day) return null
  const [y, m, d] = day.split("-")
  return `${d}/${m}/${y}`
}

/** An instant as "05/03/2026 14:30" in Vietnam time. */
export function formatInstant(value: Date | string): string {
  const shifted = new Date(new Date(value).getTime() + VIETNAM_OFFSET_MS).toISOString()
  return `${formatDay(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`
}
