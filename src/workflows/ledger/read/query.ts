import { z } from "zod"
import { LEDGER_ENTRY_TYPES } from "../../../modules/ledger"
import { addDaysToDay, isCalendarDay, startOfVnDay } from "../../../lib/dates"
import { paginationQuery } from "../../../lib/validation"
import type { LedgerFilters } from "./statement"

// A day (YYYY-MM-DD, a day in Vietnam) or an ISO instant.
const dayOrInstant = z.string().refine((v) => isCalendarDay(v) || !Number.isNaN(Date.parse(v)), "must be a day (YYYY-MM-DD) or an ISO date-time")

/** ?type=sale,commission or ?type=sale&type=refund */
const types = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(LEDGER_ENTRY_TYPES, { errorMap: () => ({ message: `must be among ${LEDGER_ENTRY_TYPES.join(", ")}` }) })))

const filterFields = { type: types.optional(), from: dayOrInstant.optional(), to: dayOrInstant.optional() }

export const LedgerQuery = z.object({ ...paginationQuery, ...filterFields }).strict()
export const LedgerExportQuery = z.object(filterFields).strict()

/** `from` is inclusive; a `to` day includes that whole day in Vietnam. */
export function ledgerFilters(q: { type?: any[]; from?: string; to?: string }): LedgerFilters {
  return {
    type: q.type,
    from: q.from ? (isCalendarDay(q.from) ? startOfVnDay(q.from) : new Date(q.from)) : undefined,
    to: q.to ? (isCalendarDay(q.to) ? startOfVnDay(addDaysToDay(q.to, 1)) : new Date(q.to)) : undefined,
  }
}
