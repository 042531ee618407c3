import { QRPay } from "vietnam-qr-pay"

export const PAYOUT_SKIP_REASONS = [
  "cooperative_not_approved",
  "no_bank_account",
  "bank_account_not_verified",
  "invalid_bank_account",
  // Its available balance is negative: it holds cash (COD through its own carrier) and owes commission.
  "owes_commission",
] as const
export type PayoutSkipReason = (typeof PAYOUT_SKIP_REASONS)[number]

export type SkippedCooperative = { cooperative_id: string; reason: PayoutSkipReason; available: number; detail?: string; owes?: number }

/** A cooperative the run tried to pay and could not; a later run retries it. */
export type PayoutFailure = { cooperative_id: string; reason: string; available: number; payout_id?: string }

export type PayoutPlan =
  | { provider: "stripe_connect"; bank_account: { stripe_account_id: string } }
  | {
      provider: "bank_transfer"
      bank_account: { bin: string; account_number: string; account_holder: string | null }
      vietqr_payload: string
      transfer_message: string
    }
  | { skip: PayoutSkipReason; detail?: string }

export const payoutMinimum = () => {
  const value = Number(process.env.PAYOUT_MIN_AMOUNT ?? 100_000)
  return Number.isInteger(value) && value > 0 ? value : 100_000
}

/** What the finance officer types (or the QR carries) as the transfer message: short enough for every bank. */
export const payoutTransferMessage = (payoutId: string) => `COOPSTALL PO ${payoutId.slice(-8).toUpperCase()}`

/** The VietQR (NAPAS 247, EMVCo) payload that pays `amount` đồng into the account with `message`. */
export function payoutVietQr(bank: { bin: string; account_number: string }, amount: number, message: string): string {
  return QRPay.initVietQR({ bankBin: bank.bin, bankNumber: bank.account_number, amount: String(amount), purpose: message }).build()
}

/**
 * How a cooperative is paid, or why it is not. Only approved cooperatives are paid (a suspended
 * one keeps its balance for a later run). With Stripe configured and a connected account, by Stripe
 * transfer; otherwise by bank transfer to a union-verified account.
 */
export function planPayout(cooperative: any | undefined, payoutId: string, amount: number, stripeConfigured: boolean): PayoutPlan {
  if (!cooperative || cooperative.status !== "approved") {
    return { skip: "cooperative_not_approved", detail: cooperative ? `status ${cooperative.status}` : "unknown cooperative" }
  }
  if (stripeConfigured && cooperative.stripe_account_id) {
    return { provider: "stripe_connect", bank_account: { stripe_account_id: cooperative.stripe_account_id } }
  }
  if (!cooperative.bank_bin || !cooperative.bank_account_number) return { skip: "no_bank_account" }
  if (!cooperative.bank_account_verified_at) return { skip: "bank_account_not_verified" }
  const bank = { bin: cooperative.bank_bin, account_number: cooperative.bank_account_number, account_holder: cooperative.bank_account_holder ?? null }
  const transfer_message = payoutTransferMessage(payoutId)
  try {
    return { provider: "bank_transfer", bank_account: bank, vietqr_payload: payoutVietQr(bank, amount, transfer_message), transfer_message }
  } catch (err: any) {
    return { skip: "invalid_bank_account", detail: String(err?.message ?? err) }
  }
}
