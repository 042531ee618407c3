import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { notFound } from "../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { CommissionScope, LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
import { ChangeCommissionRateInput, changeCommissionRateStep, commissionRateExists } from "./steps/change-commission-rate"

// Union admins manage commission rules. A rule only decides the rate of lines booked from now on:
// every commission line stores the rate it used, so editing or deleting a rule never changes the past.
// Every change, whichever route makes it, goes through changeCommissionRateStep and so enters the
// history (commission_rate_change) in the same transaction.

export type CommissionRateTarget = { scope: CommissionScope; cooperative_id?: string | null; category_id?: string | null }
type Actor = { actor_id: string | null; reason?: string | null }
export type CreateCommissionRateInput = CommissionRateTarget & Actor & { rate_bps: number; note?: string | null }
export type UpdateCommissionRateInput = Actor & { id: string; rate_bps: number; note?: string | null }
export type DeleteCommissionRateInput = Actor & { id: string }

const targetFilter = (t: CommissionRateTarget) => ({ scope: t.scope, cooperative_id: t.cooperative_id ?? null, category_id: t.category_id ?? null })

/** The cooperative and category a rule names must exist, and a target has one rule at a time. */
const validateCommissionTargetStep = createStep("validate-commission-rate-target", async (input: CommissionRateTarget, { container }) => {
  if (input.cooperative_id) {
    const found = await (container.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives({ id: input.cooperative_id }, { select: ["id"] })
    if (!found.length) throw notFound("Cooperative", input.cooperative_id)
  }
  if (input.category_id) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_category", fields: ["id"], filters: { id: input.category_id } })
    if (!data.length) throw notFound("Product category", input.category_id)
  }
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  if ((await ledger.listCommissionRates(targetFilter(input), { select: ["id"] })).length) throw commissionRateExists()
  return new StepResponse(undefined)
})

export const createCommissionRateWorkflow = createWorkflow("create-commission-rate", (input: CreateCommissionRateInput) => {
  validateCommissionTargetStep(input)
  return new WorkflowResponse(
    changeCommissionRateStep(
      transform({ input }, ({ input }): ChangeCommissionRateInput => ({
        action: "create",
        scope: input.scope,
        cooperative_id: input.cooperative_id ?? null,
        category_id: input.category_id ?? null,
        rate_bps: input.rate_bps,
        note: input.note,
        reason: input.reason,
        actor_id: input.actor_id,
      }))
    )
  )
})

/** Applies to lines booked from now on; the same rate and note again changes nothing (`change: null`). */
export const updateCommissionRateWorkflow = createWorkflow("update-commission-rate", (input: UpdateCommissionRateInput) => {
  return new WorkflowResponse(
    changeCommissionRateStep(
      transform({ input }, ({ input }): ChangeCommissionRateInput => ({ action: "update", id: input.id, rate_bps: input.rate_bps, note: input.note, reason: input.reason, actor_id: input.actor_id }))
    )
  )
})

/** Soft delete: the rule stops applying, the commission lines that name it keep their rate and reference. */
export const deleteCommissionRateWorkflow = createWorkflow("delete-commission-rate", (input: DeleteCommissionRateInput) => {
  return new WorkflowResponse(
    changeCommissionRateStep(
      transform({ input }, ({ input }): ChangeCommissionRateInput => ({ action: "delete", id: input.id, reason: input.reason, actor_id: input.actor_id }))
    )
  )
})
