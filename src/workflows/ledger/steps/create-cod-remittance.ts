import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict } from "../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import type { CodRemittanceTarget } from "./load-cod-remittance-target"

export type CodRemittanceInput = {
  order_id: string
  carrier: string
  amount: number
  reference?: string | null
  remitted_at?: string | Date | null
  recorded_by?: string | null
  source?: "admin" | "csv"
}

const same = (a: { amount: unknown; reference?: string | null; carrier: string }, input: CodRemittanceInput) =>
  Number(a.amount) === input.amount && (a.reference ?? null) === (input.reference ?? null) && a.carrier === input.carrier

/**
 * The order's one remittance. Runs under the order's lock, so the check sees every earlier one: the
 * same remittance again (carrier, amount, reference) answers the first one (`created: false`),
 * anything else for that order is refused. The unique index on order_id backs this up.
 */
export const findCodRemittanceStep = createStep("find-cod-remittance", async (input: CodRemittanceInput, { container }) => {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const [existing] = await ledger.listCodRemittances({ order_id: input.order_id }, { take: 1 })
  if (existing && !same(existing, input)) {
    throw conflict(
      "remittance_exists",
      `Order ${input.order_id} already has a remittance (${existing.carrier}, ${existing.amount} đồng, reference ${existing.reference ?? "none"}); a different one is refused.`
    )
  }
  return new StepResponse({ existing: existing ?? null })
})

/** Writes the remittance; compensation removes it when the capture after it fails. */
export const createCodRemittanceStep = createStep(
  "create-cod-remittance",
  async ({ input, target }: { input: CodRemittanceInput; target: CodRemittanceTarget }, { container }) => {
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const [created] = await ledger.createCodRemittances([
      {
        order_id: target.order_id,
        order_group_id: target.order_group_id,
        cooperative_id: target.cooperative_id,
        carrier: input.carrier,
        amount: input.amount,
        reference: input.reference ?? null,
        remitted_at: input.remitted_at ? new Date(input.remitted_at) : new Date(),
        recorded_by: input.recorded_by ?? null,
        source: input.source ?? "admin",
      },
    ])
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await (container.resolve(LEDGER_MODULE) as LedgerModuleService).softDeleteCodRemittances([id])
  }
)
