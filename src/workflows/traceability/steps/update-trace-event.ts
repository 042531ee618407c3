import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../../lib/errors"
import { traceability } from "../read/lots"

export type UpdateTraceEventStepInput = { id: string } & Record<string, unknown>

/** Changes a trace event's fields; compensation puts back the values those fields had. */
export const updateTraceEventStep = createStep(
  "update-trace-event-fields",
  async ({ id, ...changes }: UpdateTraceEventStepInput, { container }) => {
    const service = traceability(container)
    const [before] = await service.listTraceEvents({ id })
    if (!before) throw notFound("Trace event")
    const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, (before as Record<string, unknown>)[field] ?? null]))
    const updated = await service.updateTraceEvents({ id, ...changes } as any)
    return new StepResponse(updated, { id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) await traceability(container).updateTraceEvents(previous as any)
  }
)
