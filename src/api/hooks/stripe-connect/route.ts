import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { stripeWebhooks } from "../../../lib/stripe-connect"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { bookStripeReversalWorkflow } from "../../../workflows/payout/book-stripe-reversal"
import { decidePayoutWorkflow, type PayoutDecision } from "../../../workflows/payout/decide-payout"

// Stripe Connect transfer events and what they mean for the payout the transfer carries.
const DECISIONS: Record<string, PayoutDecision> = {
  "transfer.created": "mark_paid", // the money is in the cooperative's Stripe balance
  "transfer.reversed": "reverse", // the union took some or all of it back: what this event reversed returns to the balance
}

/**
 * POST /hooks/stripe-connect: Stripe's events about the union's Connect transfers, believed only
 * with Stripe's signature (`stripe-signature`, STRIPE_CONNECT_WEBHOOK_SECRET, checked by the
 * official library over the raw body). Repeats and out-of-order events change nothing; a reversal
 * books only what that event reversed (docs/money/bigint-and-reversals.md).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const secret = process.env.STRIPE_CONNECT_WEBHOOK_SECRET
  if (!secret) throw new CoopstallError(ErrorTypes.UNAVAILABLE, "webhook_not_configured", "STRIPE_CONNECT_WEBHOOK_SECRET is not set.")
  let event: Stripe.Event
  try {
    event = stripeWebhooks().constructEvent(req.rawBody ?? "", String(req.headers["stripe-signature"] ?? ""), secret)
  } catch {
    throw new CoopstallError(ErrorTypes.UNAUTHORIZED, "invalid_signature", "The event's Stripe signature does not match.")
  }
  const decision = DECISIONS[event.type]
  if (!decision) return res.json({ received: true, ignored: event.type })

  // Both events handled carry a transfer; the fields are read defensively all the same.
  const transfer = (event.data?.object ?? {}) as Partial<Stripe.Transfer>
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [payout] = transfer.metadata?.payout_id
    ? await ledger.listPayouts({ id: String(transfer.metadata.payout_id) }, { select: ["id", "status", "reference", "currency_code", "bank_account"] })
    : await ledger.listPayouts({ reference: String(transfer.id ?? "") }, { select: ["id", "status", "reference", "currency_code", "bank_account"] })
  if (!payout) return res.json({ received: true, ignored: "unknown payout" })

  // A signed event is Stripe's word, but only about the transfer it carries: it settles this
  // payout only if it is this payout's transfer, to this cooperative's account, in its currency.
  const mismatch = transferMismatch(payout, transfer, decision === "reverse")
  if (mismatch) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`stripe-connect ${event.id} (${event.type}) ignored for payout ${payout.id}: ${mismatch}`)
    return res.json({ received: true, payout_id: payout.id, changed: false, ignored: mismatch })
  }

  if (decision === "reverse") {
    const amountReversed = Number(transfer.amount_reversed)
    if (!Number.isSafeInteger(amountReversed) || amountReversed < 0) {
      return res.json({ received: true, payout_id: payout.id, changed: false, ignored: "no amount reversed" })
    }
    const { result } = await bookStripeReversalWorkflow(req.scope).run({
      input: { payout_id: payout.id, event_id: String(event.id), amount_reversed: amountReversed, reference: transfer.id ?? null },
    })
    return res.json({
      received: true, payout_id: payout.id, changed: !!result && result.booked > 0,
      booked: result?.booked ?? 0, reversed_total: result?.reversed_total ?? 0, status: result?.status ?? payout.status,
    })
  }

  try {
    await decidePayoutWorkflow(req.scope).run({
      input: { payout_id: payout.id, decision, reference: transfer.id ?? null, reason: null, decided_by: "stripe-webhook" },
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

/** Why a transfer event does not belong to the payout it names, or null if it does. */
type PayoutRecord = { reference?: string | null; currency_code?: string | null; bank_account?: { stripe_account_id?: unknown } | null }

function transferMismatch(payout: PayoutRecord, transfer: Partial<Stripe.Transfer>, mustHaveReference: boolean): string | null {
  if (payout.reference ? payout.reference !== transfer.id : mustHaveReference) return "not this payout's transfer"
  const account = payout.bank_account?.stripe_account_id
  if (!account || transfer.destination !== account) return "not this cooperative's Stripe account"
  if (String(transfer.currency ?? "").toLowerCase() !== String(payout.currency_code ?? "vnd").toLowerCase()) return "not this payout's currency"
  return null
}
