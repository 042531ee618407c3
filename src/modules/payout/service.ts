import { defineJoinerConfig } from "@medusajs/framework/utils"
import { PAYOUT_METHODS } from "./providers"
import { payoutMinimum, planPayout } from "./plan"
import type { PayableCooperative, PayoutAdminAction, PayoutMethodProvider, PayoutPlan, PayoutSettledBy } from "./types"

type SendingPayoutMethod = PayoutMethodProvider & Required<Pick<PayoutMethodProvider, "send">>

const JOINER_CONFIG = defineJoinerConfig("payout", { models: [] })

/**
 * Payouts' rules and their methods. The payouts and their ledger lines are written by the ledger
 * module (a payout and its line commit together); this module decides how each cooperative is
 * paid, and holds what differs between methods, so no caller branches on the method.
 */
class PayoutModuleService {
  protected readonly methods_: readonly PayoutMethodProvider[] = PAYOUT_METHODS

  // No models of its own, said outright: without it Medusa looks for a models folder beside its callers.
  __joinerConfig() {
    return JOINER_CONFIG
  }

  /** The payout to record for `amount` đồng to `cooperative`, by its method, or why it is skipped. */
  plan(cooperative: PayableCooperative | undefined, payout: { id: string; amount: number }): PayoutPlan {
    return planPayout(this.methods_, cooperative, payout)
  }

  /** The least a run pays a cooperative (PAYOUT_MIN_AMOUNT). */
  minimum(): number {
    return payoutMinimum()
  }

  /** The provider of a method by its id (as stored on a payout), or undefined for an unknown one. */
  method(id: string): PayoutMethodProvider | undefined {
    return this.methods_.find((m) => m.id === id)
  }

  /** Configured methods that send their payouts by API (the run sends what they have pending). */
  sendingMethods(): SendingPayoutMethod[] {
    return this.methods_.filter((m): m is SendingPayoutMethod => !!m.send && m.isConfigured())
  }

  /** What the union's desk shows of a payout and may do with it, by its method. */
  adminControls(payout: { provider: string; status: string }): { settled_by: PayoutSettledBy | null; admin_actions: PayoutAdminAction[] } {
    const method = this.method(payout.provider)
    return { settled_by: method?.settledBy ?? null, admin_actions: method?.adminActions(payout) ?? [] }
  }
}

export default PayoutModuleService
