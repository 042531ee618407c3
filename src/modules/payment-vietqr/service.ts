import { randomBytes } from "node:crypto"
import type {
  AuthorizePaymentInput,
  CancelPaymentInput,
  CapturePaymentInput,
  DeletePaymentInput,
  GetPaymentStatusInput,
  InitiatePaymentInput,
  RefundPaymentInput,
  RetrievePaymentInput,
  UpdatePaymentInput,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { QRPay } from "vietnam-qr-pay"

export type VietQrOptions = {
  /** NAPAS BIN of the union's bank, e.g. 970415 (VietinBank). */
  bank_bin: string
  account_number: string
  account_name?: string
}

/** What the storefront shows: a QR to scan, and the same facts typed out for manual transfer. */
export type VietQrPayload = {
  reference: string
  qr_payload: string
  bank_bin: string
  account_number: string
  account_name: string | null
  amount: number
  message: string
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** A purchase reference short enough for every bank's transfer message, without 0/O or 1/I to misread. */
export function newTransferReference(): string {
  return "CS" + [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join("")
}

/**
 * Bank transfer by VietQR (NAPAS 247). Initiating returns the EMVCo payload with the union's
 * account, the amount in đồng and a transfer message carrying the purchase reference. Completing
 * the cart authorises (the shopper has promised to pay, as with cash on delivery); the money is
 * captured when the union marks the transfer received or its bank's signed notification arrives.
 */
export class VietQrPaymentProvider extends AbstractPaymentProvider<VietQrOptions> {
  static identifier = "vietqr"

  static validateOptions(options: Record<string, unknown>) {
    if (!options.bank_bin || !options.account_number) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "VietQR needs bank_bin and account_number (VIETQR_BANK_BIN, VIETQR_ACCOUNT_NUMBER).")
    }
  }

  constructor(container: Record<string, unknown>, protected readonly options_: VietQrOptions) {
    super(container, options_)
  }

  private payload(reference: string, amount: unknown): VietQrPayload {
    const vnd = Math.round(Number(amount))
    const message = reference
    const qr_payload = QRPay.initVietQR({
      bankBin: this.options_.bank_bin,
      bankNumber: this.options_.account_number,
      amount: String(vnd),
      purpose: message,
    }).build()
    return {
      reference,
      qr_payload,
      bank_bin: this.options_.bank_bin,
      account_number: this.options_.account_number,
      account_name: this.options_.account_name ?? null,
      amount: vnd,
      message,
    }
  }

  async initiatePayment({ amount }: InitiatePaymentInput) {
    const reference = newTransferReference()
    return { id: reference, data: this.payload(reference, amount), status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ amount, data }: UpdatePaymentInput) {
    return { data: this.payload((data?.reference as string | undefined) ?? newTransferReference(), amount), status: PaymentSessionStatus.PENDING }
  }

  async authorizePayment({ data }: AuthorizePaymentInput) {
    return { data, status: PaymentSessionStatus.AUTHORIZED }
  }

  async capturePayment({ data }: CapturePaymentInput) {
    return { data: { ...data, received_at: new Date().toISOString() } }
  }

  async refundPayment({ data }: RefundPaymentInput) {
    // The union returns the money by bank transfer; Medusa records the refund.
    return { data }
  }

  async cancelPayment({ data }: CancelPaymentInput) {
    return { data }
  }

  async deletePayment({ data }: DeletePaymentInput) {
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput) {
    return { data }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput) {
    return { status: data?.received_at ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.AUTHORIZED, data }
  }

  // Bank notifications come to POST /hooks/vietqr, which checks their HMAC and finds the purchase.
  async getWebhookActionAndData() {
    return { action: "not_supported" as const }
  }
}
