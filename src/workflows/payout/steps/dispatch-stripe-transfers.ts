import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayoutFailure } from "../../../lib/payout-plan"
import { stripeConnectClient } from "../../../lib/stripe-connect"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { errorFields, messageOf } from "../../../lib/errors"

/**
 * Sends the Stripe Connect payouts that are still pending (this period's, and any an earlier run
 * left pending): one transfer each, with the payout id as Stripe's idempotency key, so a retry can
 * never transfer twice. The payout becomes `processing`; Stripe's signed webhook settles it.
 *
 * A transfer Stripe refuses fails that payout alone, with Stripe's reason: its amount returns to the
 * balance from the payout's cutoff (it never left), so the next period's run pays it again under a
 * new payout.
 * A transfer Stripe did not answer (network, 5xx, rate limit) may or may not exist, so it stays
 * pending and is sent again, under the same idempotency key, by the next run. Either way the run
 * goes on for everyone else and ends partially completed.
 */
export const dispatchStripeTransfersStep = createStep(
  "dispatch-stripe-transfers",
  async (input: { period: string }, { container }) => {
    const failures: PayoutFailure[] = []
    const stripe = stripeConnectClient()
    if (!stripe) return new StepResponse({ dispatched: 0, failures })
    const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const pending = await ledger.listPayouts(
      { provider: "stripe_connect", status: "pending" },
      { select: ["id", "amount", "currency_code", "period", "cooperative_id", "bank_account"], order: { created_at: "ASC" } }
    )
    let dispatched = 0
    for (const payout of pending) {
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: Number(payout.amount),
            currency: payout.currency_code ?? "vnd",
            // A Stripe Connect payout carries its account (planPayout); a missing one is refused by Stripe below.
            destination: payout.bank_account?.stripe_account_id as string,
            transfer_group: `payout-${payout.period}`,
            description: `coopstall payout ${payout.period}`,
            metadata: { payout_id: payout.id, cooperative_id: payout.cooperative_id, period: payout.period },
          },
          { idempotencyKey: payout.id }
        )
        await ledger.transitionPayout(payout.id, ["pending"], { status: "processing", reference: transfer.id })
        dispatched++
      } catch (err) {
        const reason = `Stripe: ${messageOf(err)}`.slice(0, 500)
        const { statusCode } = errorFields(err)
        // 4xx other than 429: Stripe looked at the transfer and said no; sending it again won't help.
        const refused = typeof statusCode === "number" && statusCode >= 400 && statusCode < 500 && statusCode !== 429
        logger.warn(`payout ${payout.id} (${payout.cooperative_id}): transfer ${refused ? "refused" : "not confirmed"}: ${reason}`)
        if (refused) {
          await ledger
            .transitionPayout(payout.id, ["pending"], { status: "failed", failure_reason: reason, decided_by: "payout-run", returned_from: "payout_cutoff" })
            .catch((e) => logger.warn(`payout ${payout.id}: could not be marked failed: ${messageOf(e)}`))
        }
        failures.push({ cooperative_id: payout.cooperative_id, payout_id: payout.id, reason, available: Number(payout.amount) })
      }
    }
    return new StepResponse({ dispatched, failures })
  }
)
