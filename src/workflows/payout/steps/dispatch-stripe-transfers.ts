import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError } from "../../../lib/errors"
import { stripeConnectClient } from "../../../lib/stripe-connect"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"

/**
 * Sends the period's Stripe Connect payouts that are still pending: one transfer each, with the
 * payout id as Stripe's idempotency key, so a retry (this step again, or the period run again after
 * a failure) can never transfer twice. The payout becomes `processing`; Stripe's signed webhook
 * settles it. Transfers that fail leave their payouts pending and fail the run, to be run again.
 */
export const dispatchStripeTransfersStep = createStep(
  "dispatch-stripe-transfers",
  async (input: { period: string }, { container }) => {
    const stripe = stripeConnectClient()
    if (!stripe) return new StepResponse({ dispatched: 0 })
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const pending = await ledger.listPayouts(
      { period: input.period, provider: "stripe_connect", status: "pending" },
      { select: ["id", "amount", "currency_code", "period", "cooperative_id", "bank_account"] }
    )
    let dispatched = 0
    const failures: string[] = []
    for (const payout of pending as any[]) {
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: Number(payout.amount),
            currency: payout.currency_code ?? "vnd",
            destination: payout.bank_account?.stripe_account_id,
            transfer_group: `payout-${payout.period}`,
            description: `coopstall payout ${payout.period}`,
            metadata: { payout_id: payout.id, cooperative_id: payout.cooperative_id, period: payout.period },
          },
          { idempotencyKey: payout.id }
        )
        await ledger.transitionPayout(payout.id, ["pending"], { status: "processing", reference: transfer.id })
        dispatched++
      } catch (err: any) {
        failures.push(`${payout.id}: ${err?.message ?? err}`)
      }
    }
    if (failures.length) {
      throw new CoopstallError(502, "stripe_transfer_failed", `Stripe refused or did not answer ${failures.length} transfer(s); run the period again to retry. ${failures.join("; ")}`)
    }
    return new StepResponse({ dispatched })
  }
)
