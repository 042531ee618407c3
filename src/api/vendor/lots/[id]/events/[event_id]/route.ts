import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../../../lib/errors"
import { retrieveLot } from "../../../../../../workflows/traceability/read/lots"
import { lotChanged } from "../../../../../../workflows/traceability/utils/lots"
import { deleteCooperativeTraceEventWorkflow } from "../../../../../../workflows/traceability/delete-trace-event"
import { updateCooperativeTraceEventWorkflow } from "../../../../../../workflows/traceability/update-trace-event"
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
  const { result: event } = await updateCooperativeTraceEventWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, lot_id: lot.id, id: req.params.event_id, update: req.validatedBody as Record<string, unknown> },
  })
  lotChanged(lot)
  const { lot: _lot, lot_id: _lotId, deleted_at: _deletedAt, ...shaped } = event as typeof event & { lot?: unknown }
  res.json({ event: shaped })
}

/** DELETE /vendor/lots/:id/events/:event_id: remove a step of a draft lot. */
export const DELETE = async (req: VendorRequest, res: MedusaResponse) => {
  const lot = await retrieveLot(req.scope, req.params.id)
  assertEditable(lot)
  await deleteCooperativeTraceEventWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, lot_id: lot.id, id: req.params.event_id },
  })
  lotChanged(lot)
  res.json({ id: req.params.event_id, object: "trace_event", deleted: true })
}
