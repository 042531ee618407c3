import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COOPERATIVE_MODULE, CooperativeModuleService, CooperativeStatus } from "../../../modules/cooperative"
import { ActorRef } from "../types"

export type SetCooperativeStatusInput = ActorRef & {
  cooperative_id: string
  from: CooperativeStatus
  to: CooperativeStatus
  reason: string
}

export const setCooperativeStatusStep = createStep(
  "set-cooperative-status",
  async (input: SetCooperativeStatusInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [previous] = await service.listCooperatives({ id: input.cooperative_id })
    const cooperative = await service.updateCooperatives({
      id: input.cooperative_id,
      status: input.to,
      status_reason: input.reason,
    })
    const change = await service.createCooperativeStatusChanges({
      cooperative_id: input.cooperative_id,
      from_status: input.from,
      to_status: input.to,
      reason: input.reason,
      actor_type: input.actor_type,
      actor_id: input.actor_id,
    })
    return new StepResponse(cooperative, {
      id: input.cooperative_id,
      status: previous.status,
      status_reason: previous.status_reason,
      change_id: change.id,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    await service.deleteCooperativeStatusChanges(undo.change_id)
    await service.updateCooperatives({ id: undo.id, status: undo.status, status_reason: undo.status_reason })
  }
)
