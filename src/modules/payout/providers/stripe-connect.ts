import Stripe from "stripe"
import type {
  PayableCooperative,
  PayoutMethodProvider,
  PayoutOfEvent,
  PayoutPlan,
  PayoutSendResult,
  PayoutToSend,
  PayoutWebhookEvent,
  PayoutWebhookRead,
} from "../types"

/**
 * The union's Stripe client for Connect transfers, or null when STRIPE_API_KEY is unset (then every
 * payout is a bank transfer). STRIPE_API_BASE_URL points the official client at another server
 * (stripe-mock, or a test's fake of Stripe's HTTP API); unset, it talks to api.stripe.com.
 */
function stripeConnectClient(): Stripe | null {
  const key = process.env.STRIPE_API_KEY
  if (!key) return null
  const base = process.env.STRIPE_API_BASE_URL ? new URL(process.env.STRIPE_API_BASE_URL) : null
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === "http:" ? 80 : 443), protocol: base.protocol.replace(":", "") as "http" | "https" }
      : {}),
  })
}

/** Stripe's webhook helpers need no key; a placeholder one is enough to verify signatures. */
const stripeWebhooks = () => new Stripe(process.env.STRIPE_API_KEY || "sk_unused_for_webhooks").webhooks

// Stripe Connect transfer events and what they mean for the payout the transfer carries.
const DECISIONS: Record<string, PayoutWebhookEvent["decision"]> = {
  "transfer.created": "confirm", // the money is in the cooperative's Stripe balance
  "transfer.reversed": "reverse", // the union took some or all of it back: what this event reversed returns to the balance
}

/** A thrown Stripe error, read without trusting its shape. */
type StripeFailure = { message?: unknown; statusCode?: unknown }

/**
 * Stripe Connect: when the union has a Stripe key and the cooperative a connected account, the run
 * sends a transfer per payout (the payout id is Stripe's idempotency key, so a retry can never
 * transfer twice) and Stripe's signed webhook (POST /hooks/stripe-connect) settles it.
 */
export const stripeConnectPayouts: PayoutMethodProvider = {
  id: "stripe_connect",
  settledBy: "provider",

  isConfigured: () => !!process.env.STRIPE_API_KEY,

  isChosenBy: (cooperative: PayableCooperative) => !!cooperative.stripe_account_id,

  prepare(cooperative: PayableCooperative): PayoutPlan {
    return { provider: "stripe_connect", bank_account: { stripe_account_id: cooperative.stripe_account_id } }
  },

  // Stripe's webhook settles it; the desk only shows where it stands.
  adminActions: () => [],

  async send(payout: PayoutToSend): Promise<PayoutSendResult> {
    const stripe = stripeConnectClient()
    if (!stripe) return { sent: false, refused: false, reason: "Stripe: STRIPE_API_KEY is not set" }
    try {
      const transfer = await stripe.transfers.create(
        {
          amount: Number(payout.amount),
          currency: payout.currency_code ?? "vnd",
          destination: payout.bank_account?.stripe_account_id as string,
          transfer_group: `payout-${payout.period}`,
          description: `coopstall payout ${payout.period}`,
          metadata: { payout_id: payout.id, cooperative_id: payout.cooperative_id, period: payout.period },
        },
        { idempotencyKey: payout.id }
      )
      return { sent: true, reference: transfer.id }
    } catch (thrown) {
      const err = (thrown ?? {}) as StripeFailure
      const reason = `Stripe: ${err.message ?? thrown}`.slice(0, 500)
      // 4xx other than 429: Stripe looked at the transfer and said no; sending it again won't help.
      const status = err.statusCode
      const refused = typeof status === "number" && status >= 400 && status < 500 && status !== 429
      return { sent: false, refused, reason }
    }
  },

  /** Believed only with Stripe's signature (STRIPE_CONNECT_WEBHOOK_SECRET), checked by the official library. */
  readWebhook(rawBody: string | Buffer, signature: string): PayoutWebhookRead {
    const secret = process.env.STRIPE_CONNECT_WEBHOOK_SECRET
    if (!secret) return { error: "not_configured" }
    let event: Stripe.Event
    try {
      event = stripeWebhooks().constructEvent(rawBody, signature, secret)
    } catch {
      return { error: "invalid_signature" }
    }
    // Both events handled carry a transfer; the fields are read defensively all the same.
    const transfer = (event.data?.object ?? {}) as Partial<Stripe.Transfer>
    const destination = typeof transfer.destination === "string" ? transfer.destination : null
    return {
      event_id: String(event.id),
      type: event.type,
      decision: DECISIONS[event.type] ?? null,
      payout: transfer.metadata?.payout_id ? { id: String(transfer.metadata.payout_id) } : { reference: String(transfer.id ?? "") },
      reference: transfer.id ?? null,
      amount_reversed: Number(transfer.amount_reversed),
      destination,
      currency: transfer.currency ?? null,
    }
  },

  /**
   * A signed event is Stripe's word, but only about the transfer it carries: it settles this payout
   * only if it is this payout's transfer, to this cooperative's account, in its currency.
   */
  eventMismatch(payout: PayoutOfEvent, event: PayoutWebhookEvent): string | null {
    if (payout.reference ? payout.reference !== event.reference : event.decision === "reverse") return "not this payout's transfer"
    const account = payout.bank_account?.stripe_account_id
    if (!account || event.destination !== account) return "not this cooperative's Stripe account"
    if (String(event.currency ?? "").toLowerCase() !== String(payout.currency_code ?? "vnd").toLowerCase()) return "not this payout's currency"
    return null
  },
}
