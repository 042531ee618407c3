/**
 * The payout module's vocabulary. A cooperative is paid by one method, its provider decides how
 * (src/modules/payout/providers); the ledger module stores the payouts and their lines.
 */

/** The methods, as stored on a payout (`payout.provider`; the ledger's PAYOUT_PROVIDERS lists the same). */
export type PayoutMethodId = "bank_transfer" | "stripe_connect"

export const PAYOUT_SKIP_REASONS = [
  "cooperative_not_approved",
  "no_bank_account",
  "bank_account_not_verified",
  "invalid_bank_account",
  // Its available balance is negative: it holds cash (COD through its own carrier) and owes commission.
  "owes_commission",
] as const
export type PayoutSkipReason = (typeof PAYOUT_SKIP_REASONS)[number]

/** A cooperative a run passed over, and why; kept in the run's `skipped`. */
export type SkippedCooperative = { cooperative_id: string; reason: PayoutSkipReason; available: number; detail?: string; owes?: number }

/** A cooperative the run tried to pay and could not; a later run retries it. */
export type PayoutFailure = { cooperative_id: string; reason: string; available: number; payout_id?: string }

/** What a provider needs to know of a cooperative: its status and what it gave to be paid. */
export type PayableCooperative = {
  id: string
  status: string
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_holder?: string | null
  bank_account_verified_at?: Date | string | null
  stripe_account_id?: string | null
}

/** A payout a provider has prepared, as the ledger records it. */
export type PreparedPayout = {
  provider: PayoutMethodId
  /** Where the money goes, as it was when the payout was made (a bank account, or a Stripe account). */
  bank_account: Record<string, unknown>
  vietqr_payload?: string | null
  transfer_message?: string | null
}

export type PayoutSkip = { skip: PayoutSkipReason; detail?: string }

export type PayoutPlan = PreparedPayout | PayoutSkip

/** What the union's payout desk may do with a payout: scan its QR to pay it, and record the bank's answer. */
export type PayoutAdminAction = "scan_qr" | "mark_paid" | "mark_failed"

/**
 * Who says a payout was paid or came back: the union (its finance officer marks it, with the
 * bank's reference or the reason), or the provider (its signed webhook).
 */
export type PayoutSettledBy = "union" | "provider"

/** A recorded payout a provider sends by itself (an API transfer). */
export type PayoutToSend = {
  id: string
  cooperative_id: string
  period: string
  amount: number
  currency_code?: string | null
  bank_account?: Record<string, unknown> | null
}

/**
 * The provider's answer to sending: sent (with its reference; the payout becomes processing), or
 * not. `refused`: the provider looked at it and said no, so the payout fails and its amount
 * returns; otherwise nobody knows whether it went (network, 5xx), so it stays pending and is sent
 * again, under the same idempotency key, by the next run.
 */
export type PayoutSendResult = { sent: true; reference: string } | { sent: false; refused: boolean; reason: string }

/** A provider's webhook event, read and verified: what it means for which payout. */
export type PayoutWebhookEvent = {
  event_id: string
  type: string
  /** confirm: the money arrived (mark paid); reverse: the provider took some or all of it back. */
  decision: "confirm" | "reverse" | null
  /** Which payout: our id, when the provider carries it, else the provider's reference. */
  payout: { id: string } | { reference: string }
  /** The provider's reference of the transfer. */
  reference: string | null
  /** reverse: the running total the provider has taken back, as the event carries it. */
  amount_reversed?: number
  /** Where the transfer went and in which currency, as the event says (checked against the payout). */
  destination: string | null
  currency: string | null
}

export type PayoutWebhookRead = PayoutWebhookEvent | { error: "not_configured" | "invalid_signature" }

/** What a webhook event is checked against: the payout it names, as the ledger holds it. */
export type PayoutOfEvent = { reference?: string | null; currency_code?: string | null; bank_account?: Record<string, unknown> | null }

/**
 * A payout method. The module picks one per cooperative (the first configured one the cooperative
 * chose, in the module's order) and asks it to prepare the payout; the run sends what can be sent
 * by API; the admin desk offers what the method needs by hand; webhooks confirm or reverse.
 */
export interface PayoutMethodProvider {
  readonly id: PayoutMethodId
  /** Whether the union can pay by this method now (its credentials are configured). */
  isConfigured(): boolean
  /** Whether the cooperative chose this method (gave what it needs to be paid by it). */
  isChosenBy(cooperative: PayableCooperative): boolean
  /** The payout to record for `amount` đồng to an approved cooperative, or why it cannot be paid. */
  prepare(cooperative: PayableCooperative, payout: { id: string; amount: number }): PayoutPlan
  readonly settledBy: PayoutSettledBy
  /** What the union's desk offers for a payout of this method in `status`. */
  adminActions(payout: { status: string }): PayoutAdminAction[]
  /** Sends a recorded payout by API; methods paid by hand have none. */
  send?(payout: PayoutToSend): Promise<PayoutSendResult>
  /** Reads and verifies the provider's webhook (the exact bytes and their signature header). */
  readWebhook?(rawBody: string | Buffer, signature: string): PayoutWebhookRead
  /** Why a verified event does not belong to the payout it names, or null if it does. */
  eventMismatch?(payout: PayoutOfEvent, event: PayoutWebhookEvent): string | null
}
