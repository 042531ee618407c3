import { model } from "@medusajs/framework/utils"
import { Lot } from "./lot"

export const TRACE_EVENT_TYPES = [
  "planting", "fertilising", "spraying", "harvest", "processing", "packing", "lab_test", "shipping", "other",
] as const
export type TraceEventType = (typeof TRACE_EVENT_TYPES)[number]

/**
 * One step in a lot's history. Once the lot is published its events are append-only: a mistake is
 * fixed by a new event whose `corrects_event_id` names the one it corrects.
 */
export const TraceEvent = model.define("trace_event", {
  id: model.id({ prefix: "trev" }).primaryKey(),
  type: model.enum([...TRACE_EVENT_TYPES]),
  occurred_at: model.dateTime(),
  title: model.text().nullable(),
  description: model.text().nullable(),
  attachments: model.json().nullable(),
  corrects_event_id: model.text().nullable(),
  lot: model.belongsTo(() => Lot, { mappedBy: "events" }),
})
