import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService, CooperativeStatus } from "../../../modules/cooperative"

/** Only a registration that never sold can be released: pending (abandoned) or rejected, once. */
export const RELEASABLE_STATUSES: readonly CooperativeStatus[] = ["pending", "rejected"]

export const validateCooperativeReleaseStep = createStep(
  "validate-cooperative-release",
  async (input: { cooperative_id: string }, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [cooperative] = await service.listCooperatives({ id: input.cooperative_id })
    if (!cooperative) throw notFound("Cooperative", input.cooperative_id)
    if (!RELEASABLE_STATUSES.includes(cooperative.status as CooperativeStatus)) {
      throw conflict(
        "not_releasable",
        `Only a pending or rejected registration can be released; this cooperative is ${cooperative.status}.`
      )
    }
    if (cooperative.released_at) throw conflict("already_released", "This registration has already been released.")
    return new StepResponse({ cooperative, from: cooperative.status as CooperativeStatus })
  }
)
