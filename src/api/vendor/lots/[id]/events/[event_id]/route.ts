import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../../../lib/errors"
import { lotChanged, retrieveLot, traceability } from "../../../../../../lib/traceability/lots"
import type { VendorRequest } from "../../../../tenant"

function assertEditable(lot: { status: string }) {
  if (lot.status === "published") {
    throw conflict(
      "lot_events_append_only",
      "This lot is published, so its events are append-only: record a correction as a new event with corrects_event_id."
    )
  }
}

/** POST /vendor/lots/:id/events/:event_id: edit a step of a draft lot. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const lot = await retrieveLot(req.scope, req.params.id)
  assertEditable(lot)
  const event = await traceability(req.scope).updateTraceEvents({ id: req.params.event_id, ...(req.validatedBody as object) } as any)
  lotChanged(lot)
  const { lot: _lot, lot_id, deleted_at, ...shaped } = event as any
  res.json({ event: shaped })
}

/** DELETE /vendor/lots/:id/events/:event_id: remove a step of a draft lot. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const lot = await retrieveLot(req.scope, req.params.id)
  assertEditable(lot)
  await traceability(req.scope).deleteTraceEvents(req.params.event_id)
  lotChanged(lot)
  res.json({ id: req.params.event_id, object: "trace_event", deleted: true })
}
