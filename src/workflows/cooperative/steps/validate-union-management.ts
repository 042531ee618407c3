import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

/**
 * The union takes on a stall that is not already its own, and hands back only one it runs. A
 * rejected or released registration has no stall to run.
 */
export const validateUnionManagementStep = createStep(
  "validate-union-management",
  async (input: { cooperative_id: string; managed: boolean }, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const [cooperative] = await service.listCooperatives({ id: input.cooperative_id })
    if (!cooperative) throw notFound("Cooperative", input.cooperative_id)
    if (input.managed && cooperative.managed_by_union) {
      throw conflict("already_managed", "The union already manages this cooperative's stall.")
    }
    if (!input.managed && !cooperative.managed_by_union) {
      throw conflict("not_managed_by_union", "The union does not manage this cooperative's stall.")
    }
    if (input.managed && (cooperative.status === "rejected" || cooperative.released_at)) {
      throw conflict("cooperative_status_forbids", `A ${cooperative.released_at ? "released" : "rejected"} registration has no stall for the union to run.`)
    }
    return new StepResponse(cooperative)
  }
)
