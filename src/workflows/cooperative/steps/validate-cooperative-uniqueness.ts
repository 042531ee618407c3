import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../modules/cooperative"

export type ValidateCooperativeUniquenessInput = {
  cooperative_id?: string
  handle?: string
  tax_code?: string
  user_email?: string
}

/** Answers 409 with a code naming the taken field; the unique indexes remain the backstop for races. */
export const validateCooperativeUniquenessStep = createStep(
  "validate-cooperative-uniqueness",
  async (input: ValidateCooperativeUniquenessInput, { container }) => {
    const service: CooperativeModuleService = container.resolve(COOPERATIVE_MODULE)
    const others = (rows: { id: string }[]) => rows.filter((r) => r.id !== input.cooperative_id)

    if (input.handle && others(await service.listCooperatives({ handle: input.handle })).length) {
      throw conflict("handle_taken", `The handle "${input.handle}" is already used by another cooperative.`)
    }
    if (input.tax_code && others(await service.listCooperatives({ tax_code: input.tax_code })).length) {
      throw conflict("tax_code_taken", `A cooperative with tax code ${input.tax_code} is already registered.`)
    }
    if (input.user_email && (await service.listCooperativeUsers({ email: input.user_email })).length) {
      throw conflict("email_taken", `${input.user_email} already belongs to a cooperative account.`)
    }
    return new StepResponse(undefined)
  }
)
