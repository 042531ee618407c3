import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService, type CooperativeStatus } from "../../../modules/cooperative"

export type ValidateCooperativeUniquenessInput = {
  cooperative_id?: string
  handle?: string
  tax_code?: string
  user_email?: string
}

/** Statuses that hold a handle and a tax code: every one but rejected (as the partial unique indexes say). */
const HOLDING_STATUSES: CooperativeStatus[] = ["pending", "approved", "suspended"]

/**
 * Answers 409 with a code naming the taken field; the unique indexes remain the backstop for races.
 * A rejected registration holds nothing, so a real cooperative is never locked out by one; a pending
 * one that was abandoned is freed by the union (POST /admin/cooperatives/:id/release).
 */
export const validateCooperativeUniquenessStep = createStep(
  "validate-cooperative-uniqueness",
  async (input: ValidateCooperativeUniquenessInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const holders = async (filter: { handle: string } | { tax_code: string }) =>
      (await service.listCooperatives({ ...filter, status: HOLDING_STATUSES }, { select: ["id", "status"] })).filter(
        (r) => r.id !== input.cooperative_id
      )

    if (input.handle && (await holders({ handle: input.handle })).length) {
      throw conflict("handle_taken", `The handle "${input.handle}" is already used by another cooperative.`)
    }
    if (input.tax_code) {
      const [holder] = await holders({ tax_code: input.tax_code })
      if (holder) {
        throw conflict(
          "tax_code_taken",
          holder.status === "pending"
            ? `A registration with tax code ${input.tax_code} is awaiting the union's review; if it is not yours, ask the union to release it.`
            : `A cooperative with tax code ${input.tax_code} is already registered.`
        )
      }
    }
    if (input.user_email && (await service.listCooperativeUsers({ email: input.user_email })).length) {
      throw conflict("email_taken", `${input.user_email} already belongs to a cooperative account.`)
    }
    return new StepResponse(undefined)
  }
)
