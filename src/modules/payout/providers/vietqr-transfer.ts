import { QRPay } from "vietnam-qr-pay"
import type { PayableCooperative, PayoutMethodProvider, PayoutPlan } from "../types"

/** What the finance officer types (or the QR carries) as the transfer message: short enough for every bank. */
export const payoutTransferMessage = (payoutId: string) => `COOPSTALL PO ${payoutId.slice(-8).toUpperCase()}`

/** The VietQR (NAPAS 247, EMVCo) payload that pays `amount` đồng into the account with `message`. */
export function payoutVietQr(bank: { bin: string; account_number: string }, amount: number, message: string): string {
  return QRPay.initVietQR({ bankBin: bank.bin, bankNumber: bank.account_number, amount: String(amount), purpose: message }).build()
}

/**
 * Bank transfer by VietQR, the method every cooperative has: to the bank account it gave, once the
 * union has verified it. The payout carries the VietQR payload; the union's finance officer scans
 * it with the union's banking app, then marks the payout paid with the bank's reference (or failed
 * with the reason, when the bank sends it back).
 */
export const vietQrTransferPayouts: PayoutMethodProvider = {
  id: "bank_transfer",
  settledBy: "union",

  // Needs nothing of the union but its banking app.
  isConfigured: () => true,

  // The default: a cooperative that chose no other method is paid into its bank account.
  isChosenBy: () => true,

  prepare(cooperative: PayableCooperative, payout: { id: string; amount: number }): PayoutPlan {
    if (!cooperative.bank_bin || !cooperative.bank_account_number) return { skip: "no_bank_account" }
    if (!cooperative.bank_account_verified_at) return { skip: "bank_account_not_verified" }
    const bank = { bin: cooperative.bank_bin, account_number: cooperative.bank_account_number, account_holder: cooperative.bank_account_holder ?? null }
    const transfer_message = payoutTransferMessage(payout.id)
    try {
      return { provider: "bank_transfer", bank_account: bank, vietqr_payload: payoutVietQr(bank, payout.amount, transfer_message), transfer_message }
    } catch (err) {
      return { skip: "invalid_bank_account", detail: String((err as Error | null)?.message ?? err) }
    }
  },

  adminActions: ({ status }) => (status === "pending" || status === "processing" ? ["scan_qr", "mark_paid", "mark_failed"] : []),
}
