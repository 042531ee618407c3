import Stripe from "stripe"

/**
 * The union's Stripe client for Connect transfers, or null when STRIPE_API_KEY is unset (then every
 * payout is a bank transfer). STRIPE_API_BASE_URL points the official client at another server
 * (stripe-mock, or a test's fake of Stripe's HTTP API); unset, it talks to api.stripe.com.
 */
export function stripeConnectClient(): Stripe | null {
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
export const stripeWebhooks = () => new Stripe(process.env.STRIPE_API_KEY || "sk_unused_for_webhooks").webhooks
