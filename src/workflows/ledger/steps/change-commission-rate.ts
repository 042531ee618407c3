import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { conflict, notFound, errorFields } from "../../../lib/errors"
import { CommissionRateChangeRequest, LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

/** What a route asks for: the change, who asks (an admin user id) and why. */
export type ChangeCommissionRateInput = DistributiveOmit<CommissionRateChangeRequest, "actor_email"> & { actor_id: string | null }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export const commissionRateExists = () =>
  conflict("commission_rate_exists", "A rate for this target already exists: change its rate instead (POST /admin/commission-rates/:id).")

/**
 * Creates, changes or removes a rule together with its history line (one transaction in the ledger
 * module), naming the admin by id and email. The last step of its workflows: nothing after it can
 * fail, so it has no compensation (and history, like the ledger, is never rewritten).
 */
export const changeCommissionRateStep = createStep("change-commission-rate", async (input: ChangeCommissionRateInput, { container }) => {
  const [user] = input.actor_id ? await container.resolve(Modules.USER).listUsers({ id: input.actor_id }, { select: ["id", "email"] }) : []
  try {
    const result = await (container.resolve(LEDGER_MODULE) as LedgerModuleService).changeCommissionRate({
      ...input,
      actor_email: user?.email ?? null,
    } as CommissionRateChangeRequest)
    if (!result) throw notFound("Commission rate", "id" in input ? input.id : undefined)
    return new StepResponse(result)
  } catch (err) {
    const e = errorFields(err)
    // Two admins creating the same target at once: the unique index decides, the loser writes nothing
    // (Medusa's transaction wrapper turns 23505 into "Commission rate with … already exists.").
    if (input.action === "create" && (e.code === "23505" || /duplicate key|unique constraint|already exists/i.test(String(e.message)))) throw commissionRateExists()
    throw err
  }
})
