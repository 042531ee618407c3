import type { MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../../../lib/errors"
import { retrieveLot } from "../../../../../workflows/traceability/read/lots"
import { lotChanged } from "../../../../../workflows/traceability/utils/lots"
import { createCooperativeTraceEventWorkflow } from "../../../../../workflows/traceability/create-trace-event"
import type { VendorRequest } from "../../../tenant"
import type { CreateTraceEventBody } from "../../validators"

/**
 * POST /vendor/lots/:id/events: records a step. Always allowed, also after publishing (events are
 * append-only then); `corrects_event_id` marks the new event as a correction of an earlier one.
 */
export const POST = async (req: VendorRequest<CreateTraceEventBody>, res: MedusaResponse) => {
  const body = req.validatedBody as CreateTraceEventBody
  const lot = await retrieveLot(req.scope, req.params.id)
  if (body.corrects_event_id && !lot.events.some((e) => e.id === body.corrects_event_id)) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "corrects_event_id must name an event of this lot.", [
      { path: "corrects_event_id", message: "not an event of this lot" },
    ])
  }
  const { result: event } = await createCooperativeTraceEventWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, lot_id: lot.id, event: body },
  })
  lotChanged(lot)
  const { lot: _lot, lot_id: _lotId, deleted_at: _deletedAt, ...shaped } = event as typeof event & { lot?: unknown }
  res.status(201).json({ event: shaped })
}
