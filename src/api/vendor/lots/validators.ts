import { z } from "zod"
import { optionalText, province, text, url } from "../../../lib/schemas"
import { calendarDay as day } from "../../../lib/dates"
import { paginationQuery } from "../../../lib/validation"
import { LOT_STATUSES, TRACE_EVENT_TYPES } from "../../../modules/traceability"

const calendarDay = day.nullable().optional()

/** GS1 AI (10) allows up to 20 characters; we keep to the URL-safe ones so the Digital Link needs no escaping. */
export const lotNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,20}$/, "use 1 to 20 letters, digits, dots, dashes or underscores (GS1 lot number, AI 10)")

const lotFields = {
  lot_number: lotNumber.optional(),
  quantity: z.number().int("must be a whole number").min(0).max(100_000_000).nullable().optional(),
  unit: optionalText(20),
  harvested_on: calendarDay,
  packed_on: calendarDay,
  best_before: calendarDay,
  origin_area: optionalText(200),
  origin_ward: optionalText(120),
  origin_province: province.nullable().optional(),
  growing_area_code: z.string().trim().max(50).regex(/^[\p{L}\p{N} ._/-]*$/u, "letters, digits, spaces, . _ / -").nullable().optional(),
}

type DayFields = { harvested_on?: string | null; packed_on?: string | null; best_before?: string | null }

/** Harvest, packing and best-before must come in that order where they are given. */
export function dayOrderIssues(days: DayFields) {
  const issues: { path: string; message: string }[] = []
  const { harvested_on: h, packed_on: p, best_before: b } = days
  if (h && p && p < h) issues.push({ path: "packed_on", message: "must not be before harvested_on" })
  if (p && b && b < p) issues.push({ path: "best_before", message: "must not be before packed_on" })
  else if (!p && h && b && b < h) issues.push({ path: "best_before", message: "must not be before harvested_on" })
  return issues
}

const refineDays = (body: DayFields, ctx: z.RefinementCtx) => {
  for (const issue of dayOrderIssues(body)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [issue.path], message: issue.message })
}

export const CreateLotBody = z
  .object({ variant_id: z.string().min(1).max(100), ...lotFields })
  .strict()
  .superRefine(refineDays)
export type CreateLotBody = z.infer<typeof CreateLotBody>

export const UpdateLotBody = z.object(lotFields).partial().strict().superRefine(refineDays)
export type UpdateLotBody = z.infer<typeof UpdateLotBody>

export const ListLotsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(LOT_STATUSES).optional(),
    product_id: z.string().max(100).optional(),
    variant_id: z.string().max(100).optional(),
    /** A public code or a lot number. */
    q: z.string().trim().max(50).optional(),
  })
  .strict()

const attachment = z.object({ url, name: text(200) }).strict()

const eventFields = {
  type: z.enum(TRACE_EVENT_TYPES),
  occurred_at: z
    .string()
    .datetime({ offset: true, message: "must be an ISO 8601 instant, e.g. 2026-03-05T07:30:00+07:00" })
    .transform((v) => new Date(v)),
  title: optionalText(200),
  description: optionalText(5000),
  attachments: z.array(attachment).max(10).optional(),
}

export const CreateTraceEventBody = z
  .object({ ...eventFields, corrects_event_id: z.string().min(1).max(100).nullable().optional() })
  .strict()
export type CreateTraceEventBody = z.infer<typeof CreateTraceEventBody>

export const UpdateTraceEventBody = z.object(eventFields).partial().strict()

export const LotQrQuery = z
  .object({
    format: z.enum(["svg", "png"]).default("svg"),
    /** PNG width in pixels. */
    size: z.coerce.number().int().min(128).max(2048).default(512),
  })
  .strict()
