import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../../lib/errors"
import { traceability } from "../read/lots"

export type UpdateLotStepInput = { id: string } & Record<string, unknown>

/** Changes a lot's fields; compensation puts back the values those fields had. */
export const updateLotStep = createStep(
  "update-lot-fields",
  async ({ id, ...changes }: UpdateLotStepInput, { container }) => {
    const service = traceability(container)
    const [before] = await service.listLots({ id })
    if (!before) throw notFound("Lot")
    const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, (before as Record<string, unknown>)[field] ?? null]))
    const updated = await service.updateLots({ id, ...changes } as any)
    return new StepResponse(updated, { id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) await traceability(container).updateLots(previous as any)
  }
)
