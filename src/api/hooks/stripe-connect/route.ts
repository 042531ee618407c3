import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError } from "../../../lib/errors"
import { stripeWebhooks } from "../../../lib/stripe-connect"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import { decidePayoutWorkflow, type PayoutDecision } from "../../../workflows/payout/decide-payout"

// Stripe Connect transfer events and what they mean for the payout the transfer carries.
const DECISIONS: Record<string, PayoutDecision> = {
  "transfer.created": "mark_paid", // the money is in the cooperative's Stripe balance
  "transfer.reversed": "reverse", // the union took it back: the amount returns to the ledger balance
}

/**
 * POST /hooks/stripe-connect: Stripe's events about the union's Connect transfers, believed only
 * with Stripe's signature (`stripe-signature`, STRIPE_CONNECT_WEBHOOK_SECRET, checked by the
 * official library over the raw body). Repeats and out-of-order events change nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const secret = process.env.STRIPE_CONNECT_WEBHOOK_SECRET
  if (!secret) throw new CoopstallError(503, "webhook_not_configured", "STRIPE_CONNECT_WEBHOOK_SECRET is not set.")
  let event: any
  try {
    event = stripeWebhooks().constructEvent((req as any).rawBody ?? "", String(req.headers["stripe-signature"] ?? ""), secret)
  } catch {
    throw new CoopstallError(401, "invalid_signature", "The event's Stripe signature does not match.")
  }
  const decision = DECISIONS[event.type]
  if (!decision) return res.json({ received: true, ignored: event.type })

  const transfer = event.data?.object ?? {}
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [payout] = transfer.metadata?.payout_id
    ? await ledger.listPayouts({ id: String(transfer.metadata.payout_id) }, { select: ["id", "status"] })
    : await ledger.listPayouts({ reference: String(transfer.id ?? "") }, { select: ["id", "status"] })
  if (!payout) return res.json({ received: true, ignored: "unknown payout" })

  try {
    await decidePayoutWorkflow(req.scope).run({
      input: {
        payout_id: payout.id,
        decision,
        reference: transfer.id ?? null,
        reason: decision === "reverse" ? "Stripe transfer reversed" : null,
        decided_by: "stripe-webhook",
      },
    })
  } catch (err: any) {
    // Already settled (a repeated or late event): Stripe must not retry it forever.
    if (err?.code === "invalid_payout_transition" || err?.cause?.code === "invalid_payout_transition") {
      return res.json({ received: true, payout_id: payout.id, changed: false })
    }
    throw err
  }
  res.json({ received: true, payout_id: payout.id, changed: true })
}
