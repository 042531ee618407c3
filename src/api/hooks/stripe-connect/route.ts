import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { PAYOUT_MODULE, PayoutModuleService } from "../../../modules/payout"
import { bookStripeReversalWorkflow } from "../../../workflows/payout/book-stripe-reversal"
import { decidePayoutWorkflow } from "../../../workflows/payout/decide-payout"

/**
 * POST /hooks/stripe-connect: Stripe's events about the union's Connect transfers, believed only
 * with Stripe's signature (`stripe-signature`, STRIPE_CONNECT_WEBHOOK_SECRET, checked by the
 * payout module's Stripe Connect provider over the raw body). Repeats and out-of-order events
 * change nothing; a reversal books only what that event reversed (docs/money/bigint-and-reversals.md).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const method = (req.scope.resolve(PAYOUT_MODULE) as PayoutModuleService).method("stripe_connect")
  const event = method?.readWebhook?.(req.rawBody ?? "", String(req.headers["stripe-signature"] ?? "")) ?? { error: "not_configured" as const }
  if ("error" in event) {
    throw event.error === "invalid_signature"
      ? new CoopstallError(ErrorTypes.UNAUTHORIZED, "invalid_signature", "The event's Stripe signature does not match.")
      : new CoopstallError(ErrorTypes.UNAVAILABLE, "webhook_not_configured", "STRIPE_CONNECT_WEBHOOK_SECRET is not set.")
  }
  if (!event.decision) return res.json({ received: true, ignored: event.type })

  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const select = ["id", "status", "reference", "currency_code", "bank_account"]
  const [payout] = await ledger.listPayouts("id" in event.payout ? { id: event.payout.id } : { reference: event.payout.reference }, { select })
  if (!payout) return res.json({ received: true, ignored: "unknown payout" })

  const mismatch = method?.eventMismatch?.({ ...payout, bank_account: payout.bank_account as Record<string, unknown> | null }, event) ?? null
  if (mismatch) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`stripe-connect ${event.event_id} (${event.type}) ignored for payout ${payout.id}: ${mismatch}`)
    return res.json({ received: true, payout_id: payout.id, changed: false, ignored: mismatch })
  }

  if (event.decision === "reverse") {
    const amountReversed = Number(event.amount_reversed)
    if (!Number.isSafeInteger(amountReversed) || amountReversed < 0) {
      return res.json({ received: true, payout_id: payout.id, changed: false, ignored: "no amount reversed" })
    }
    const { result } = await bookStripeReversalWorkflow(req.scope).run({
      input: { payout_id: payout.id, event_id: event.event_id, amount_reversed: amountReversed, reference: event.reference },
    })
    return res.json({
      received: true, payout_id: payout.id, changed: !!result && result.booked > 0,
      booked: result?.booked ?? 0, reversed_total: result?.reversed_total ?? 0, status: result?.status ?? payout.status,
    })
  }

  try {
    await decidePayoutWorkflow(req.scope).run({
      input: { payout_id: payout.id, decision: "mark_paid", reference: event.reference, reason: null, decided_by: "stripe-webhook" },
    })
  } catch (thrown) {
    const err = thrown as { code?: string; cause?: { code?: string } } | null
    // Already settled (a repeated or late event): Stripe must not retry it forever.
    if (err?.code === "invalid_payout_transition" || err?.cause?.code === "invalid_payout_transition") {
      return res.json({ received: true, payout_id: payout.id, changed: false })
    }
    throw err
  }
  res.json({ received: true, payout_id: payout.id, changed: true })
}
