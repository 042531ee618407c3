import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../lib/errors"
import { isUniqueViolation } from "../../../lib/unique-violation"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"
import { CooperativeProfileInput } from "../types"

export type CreateCooperativeStepInput = {
  cooperative: CooperativeProfileInput
  owner: { email: string; first_name?: string | null; last_name?: string | null; phone?: string | null }
}

/** Creates the pending cooperative, its owner account and the first line of its status history. */
export const createCooperativeStep = createStep(
  "create-cooperative",
  async (input: CreateCooperativeStepInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const cooperative = await service
      .createCooperatives({ ...input.cooperative, status: "pending" })
      .catch((err) => {
        // Two registrations racing past the uniqueness check: the partial unique indexes decide.
        if (!isUniqueViolation(err)) throw err
        const message = String(err?.message ?? "")
        throw /handle/i.test(message) && !/tax_code/i.test(message)
          ? conflict("handle_taken", `The handle "${input.cooperative.handle}" is already used by another cooperative.`)
          : conflict("tax_code_taken", `A cooperative with tax code ${input.cooperative.tax_code} is already registered.`)
      })
    const owner = await service.createCooperativeUsers({
      ...input.owner,
      role: "owner",
      cooperative_id: cooperative.id,
    })
    await service.createCooperativeStatusChanges({
      cooperative_id: cooperative.id,
      from_status: null,
      to_status: "pending",
      reason: "Registered by its owner",
      actor_type: "vendor",
      actor_id: owner.id,
    })
    return new StepResponse({ cooperative, owner }, cooperative.id)
  },
  async (cooperativeId, { container }) => {
    if (!cooperativeId) return
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    await service.deleteCooperatives(cooperativeId)
  }
)
