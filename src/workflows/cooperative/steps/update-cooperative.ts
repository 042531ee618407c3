import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export type UpdateCooperativeStepInput = { id: string } & Record<string, unknown>

/** Changes a cooperative's fields; compensation puts back the values those fields had. */
export const updateCooperativeStep = createStep(
  "update-cooperative-fields",
  async ({ id, ...changes }: UpdateCooperativeStepInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const before = await service.retrieveCooperative(id)
    const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, (before as Record<string, unknown>)[field] ?? null]))
    const updated = await service.updateCooperatives({ id, ...changes } as any)
    return new StepResponse(updated, { id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).updateCooperatives(previous as any)
  }
)
