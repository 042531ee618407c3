import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound } from "../../lib/errors"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { CommissionScope, LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"

// Union admins manage commission rules. A rule only decides the rate of lines booked from now on:
// every commission line stores the rate it used, so editing or deleting a rule never changes the past.

export type CommissionRateTarget = { scope: CommissionScope; cooperative_id?: string | null; category_id?: string | null }
export type CreateCommissionRateInput = CommissionRateTarget & { rate_bps: number; note?: string | null; updated_by: string }

const ledgerOf = (container: any): LedgerModuleService => container.resolve(LEDGER_MODULE)

const targetFilter = (t: CommissionRateTarget) => ({ scope: t.scope, cooperative_id: t.cooperative_id ?? null, category_id: t.category_id ?? null })

const duplicate = () => conflict("commission_rate_exists", "A rate for this target already exists: change its rate instead (POST /admin/commission-rates/:id).")

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
  if ((await ledgerOf(container).listCommissionRates(targetFilter(input), { select: ["id"] })).length) throw duplicate()
  return new StepResponse(undefined)
})

const createCommissionRateStep = createStep(
  "create-commission-rate",
  async (input: CreateCommissionRateInput, { container }) => {
    try {
      const rate = await ledgerOf(container).createCommissionRates({ ...targetFilter(input), rate_bps: input.rate_bps, note: input.note ?? null, updated_by: input.updated_by })
      return new StepResponse(rate, rate.id)
    } catch (err: any) {
      // Two admins creating the same target at once: the unique index decides.
      if (/duplicate|unique/i.test(String(err?.message)) || err?.code === "23505") throw duplicate()
      throw err
    }
  },
  async (id, { container }) => {
    if (id) await ledgerOf(container).deleteCommissionRates(id)
  }
)

export const createCommissionRateWorkflow = createWorkflow("create-commission-rate", (input: CreateCommissionRateInput) => {
  validateCommissionTargetStep(input)
  return new WorkflowResponse(createCommissionRateStep(input))
})

export type UpdateCommissionRateInput = { id: string; rate_bps: number; note?: string | null; updated_by: string }

const updateCommissionRateStep = createStep(
  "update-commission-rate",
  async (input: UpdateCommissionRateInput, { container }) => {
    const ledger = ledgerOf(container)
    const [before] = await ledger.listCommissionRates({ id: input.id })
    if (!before) throw notFound("Commission rate", input.id)
    const rate = await ledger.updateCommissionRates({
      id: input.id,
      rate_bps: input.rate_bps,
      updated_by: input.updated_by,
      ...(input.note !== undefined ? { note: input.note } : {}),
    })
    return new StepResponse(rate, { id: before.id, rate_bps: before.rate_bps, note: before.note, updated_by: before.updated_by })
  },
  async (before, { container }) => {
    if (before) await ledgerOf(container).updateCommissionRates(before)
  }
)

export const updateCommissionRateWorkflow = createWorkflow("update-commission-rate", (input: UpdateCommissionRateInput) => {
  return new WorkflowResponse(updateCommissionRateStep(input))
})

/** Soft delete: the rule stops applying, the commission lines that name it keep their rate and reference. */
const deleteCommissionRateStep = createStep(
  "delete-commission-rate",
  async ({ id }: { id: string }, { container }) => {
    const ledger = ledgerOf(container)
    const [rate] = await ledger.listCommissionRates({ id }, { select: ["id"] })
    if (!rate) throw notFound("Commission rate", id)
    await ledger.softDeleteCommissionRates(id)
    return new StepResponse({ id, deleted: true }, id)
  },
  async (id, { container }) => {
    if (id) await ledgerOf(container).restoreCommissionRates(id)
  }
)

export const deleteCommissionRateWorkflow = createWorkflow("delete-commission-rate", (input: { id: string }) => {
  return new WorkflowResponse(deleteCommissionRateStep(input))
})
