import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export type SetUnionManagementInput = { cooperative_id: string; managed: boolean; actor_id: string }

/** Sets or clears the flag; a new `managed_since` each time, which every acting token is checked against. */
export const setUnionManagementStep = createStep(
  "set-union-management",
  async (input: SetUnionManagementInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [previous] = await service.listCooperatives({ id: input.cooperative_id })
    const cooperative = await service.updateCooperatives({
      id: input.cooperative_id,
      managed_by_union: input.managed,
      managed_since: input.managed ? new Date() : null,
      managed_by: input.managed ? input.actor_id : null,
    })
    return new StepResponse(cooperative, {
      id: input.cooperative_id,
      managed_by_union: previous.managed_by_union,
      managed_since: previous.managed_since,
      managed_by: previous.managed_by,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    await service.updateCooperatives(undo)
  }
)
