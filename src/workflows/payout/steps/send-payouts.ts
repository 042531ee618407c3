import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { PAYOUT_MODULE, PayoutModuleService, type PayoutFailure, type PayoutSendResult } from "../../../modules/payout"

/**
 * Sends the payouts that their method sends by API (Stripe Connect) and that are still pending
 * (this period's, and any an earlier run left pending): one request each, with the payout id as
 * the provider's idempotency key, so a retry can never pay twice. The payout becomes `processing`;
 * the provider's signed webhook settles it. Methods paid by hand (bank transfer) send nothing here.
 *
 * A payout the provider refuses fails alone, with the provider's reason: its amount returns to the
 * balance from the payout's cutoff (it never left), so the next period's run pays it again under a
 * new payout.
 * One the provider did not answer (network, 5xx, rate limit) may or may not exist, so it stays
 * pending and is sent again, under the same idempotency key, by the next run. Either way the run
 * goes on for everyone else and ends partially completed.
 */
export const sendPayoutsStep = createStep("send-payouts", async (_input: { period: string }, { container }) => {
  const failures: PayoutFailure[] = []
  const methods: PayoutModuleService = container.resolve(PAYOUT_MODULE)
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let dispatched = 0
  for (const method of methods.sendingMethods()) {
    const pending = await ledger.listPayouts(
      { provider: method.id, status: "pending" },
      { select: ["id", "amount", "currency_code", "period", "cooperative_id", "bank_account"], order: { created_at: "ASC" } }
    )
    for (const payout of pending) {
      let result: PayoutSendResult
      try {
        result = await method.send({ ...payout, amount: Number(payout.amount), bank_account: payout.bank_account as Record<string, unknown> | null })
        if (result.sent) {
          await ledger.transitionPayout(payout.id, ["pending"], { status: "processing", reference: result.reference })
          dispatched++
          continue
        }
      } catch (err) {
        // Sent but not recorded as processing: it stays pending and the next run sends it again, under the same key.
        result = { sent: false, refused: false, reason: `${method.id}: ${(err as Error | null)?.message ?? err}`.slice(0, 500) }
      }
      logger.warn(`payout ${payout.id} (${payout.cooperative_id}): transfer ${result.refused ? "refused" : "not confirmed"}: ${result.reason}`)
      if (result.refused) {
        await ledger
          .transitionPayout(payout.id, ["pending"], { status: "failed", failure_reason: result.reason, decided_by: "payout-run", returned_from: "payout_cutoff" })
          .catch((e: Error) => logger.warn(`payout ${payout.id}: could not be marked failed: ${e?.message ?? e}`))
      }
      failures.push({ cooperative_id: payout.cooperative_id, payout_id: payout.id, reason: result.reason, available: Number(payout.amount) })
    }
  }
  return new StepResponse({ dispatched, failures })
})
