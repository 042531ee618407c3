import { VN_OFFSET_MS } from "../../lib/dates"

/**
 * Payout periods in Vietnam time (UTC+7 all year, no daylight saving). A period is named by a key,
 * "2026-W48" (ISO week) or "2026-11" (calendar month); a run for a period pays what was available
 * at its end, the cutoff, which is the start of the next period at 00:00 in Vietnam.
 */
export const PAYOUT_PERIOD_KINDS = ["week", "month"] as const
export type PayoutPeriodKind = (typeof PAYOUT_PERIOD_KINDS)[number]

export type PayoutPeriod = { kind: PayoutPeriodKind; key: string; start: Date; cutoff: Date }

const DAY_MS = 86_400_000

export function configuredPeriodKind(): PayoutPeriodKind {
  return process.env.PAYOUT_PERIOD === "month" ? "month" : "week"
}

/** Midnight in Vietnam of the given Vietnam calendar day, as an instant. */
const vnMidnight = (year: number, month0: number, day: number) => new Date(Date.UTC(year, month0, day) - VN_OFFSET_MS)

/** Monday of ISO week 1 of `year`, 00:00 Vietnam time: the week holding 4 January. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const weekday = (jan4.getUTCDay() + 6) % 7 // Monday = 0
  return vnMidnight(year, 0, 4 - weekday)
}

/** ISO week-year and week of an instant, read on the Vietnam calendar. */
function isoWeekOf(at: Date): { year: number; week: number } {
  const local = new Date(at.getTime() + VN_OFFSET_MS)
  const weekday = (local.getUTCDay() + 6) % 7
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday + 3))
  const year = thursday.getUTCFullYear()
  const dayOfYear = (thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS
  return { year, week: 1 + Math.floor(dayOfYear / 7) }
}

const weeksIn = (year: number) => isoWeekOf(vnMidnight(year, 11, 28)).week

function week(year: number, w: number): PayoutPeriod {
  const start = new Date(isoWeekOneMonday(year).getTime() + (w - 1) * 7 * DAY_MS)
  return { kind: "week", key: `${year}-W${String(w).padStart(2, "0")}`, start, cutoff: new Date(start.getTime() + 7 * DAY_MS) }
}

function month(year: number, m: number): PayoutPeriod {
  return { kind: "month", key: `${year}-${String(m).padStart(2, "0")}`, start: vnMidnight(year, m - 1, 1), cutoff: vnMidnight(year, m, 1) }
}

/** The period an instant falls in. */
export function periodContaining(at: Date, kind: PayoutPeriodKind = configuredPeriodKind()): PayoutPeriod {
  if (kind === "week") {
    const { year, week: w } = isoWeekOf(at)
    return week(year, w)
  }
  const local = new Date(at.getTime() + VN_OFFSET_MS)
  return month(local.getUTCFullYear(), local.getUTCMonth() + 1)
}

/** The last period that has ended at `at`: what a scheduled run pays. */
export function lastEndedPeriod(at: Date, kind: PayoutPeriodKind = configuredPeriodKind()): PayoutPeriod {
  return periodContaining(new Date(periodContaining(at, kind).start.getTime() - 1), kind)
}

/** Parses a period key of the given kind; null when it is not one (wrong shape, week 54, month 13). */
export function parsePeriod(key: string, kind: PayoutPeriodKind = configuredPeriodKind()): PayoutPeriod | null {
  if (kind === "week") {
    const m = /^(\d{4})-W(\d{2})$/.exec(key)
    if (!m) return null
    const [year, w] = [Number(m[1]), Number(m[2])]
    if (year < 2000 || w < 1 || w > weeksIn(year)) return null
    return week(year, w)
  }
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  if (!m) return null
  const [year, mo] = [Number(m[1]), Number(m[2])]
  if (year < 2000 || mo < 1 || mo > 12) return null
  return month(year, mo)
}

export const periodExample = (kind: PayoutPeriodKind = configuredPeriodKind()) => (kind === "week" ? "2026-W48" : "2026-11")
