import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../../lib/errors"
import {
  COOPERATIVE_MODULE,
  COOPERATIVE_TRANSITIONS,
  CooperativeAction,
  CooperativeModuleService,
  CooperativeStatus,
} from "../../../modules/cooperative"

/** The rule lives next to the change: an action is only valid from the statuses the table allows. */
export const validateCooperativeTransitionStep = createStep(
  "validate-cooperative-transition",
  async (input: { cooperative_id: string; action: CooperativeAction }, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [cooperative] = await service.listCooperatives({ id: input.cooperative_id })
    if (!cooperative) throw notFound("Cooperative", input.cooperative_id)

    const transition = COOPERATIVE_TRANSITIONS[input.action]
    const from = cooperative.status as CooperativeStatus
    if (!transition.from.includes(from)) {
      throw conflict(
        "invalid_status_transition",
        `Cannot ${input.action} a cooperative that is ${from}; ${input.action} applies to ${transition.from.join(" or ")} cooperatives.`
      )
    }
    return new StepResponse({ cooperative, from, to: transition.to })
  }
)
