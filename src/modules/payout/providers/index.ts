import type { PayoutMethodProvider } from "../types"
import { stripeConnectPayouts } from "./stripe-connect"
import { vietQrTransferPayouts } from "./vietqr-transfer"

/**
 * Every payout method, in the order the module prefers them: a cooperative is paid by the first
 * one that is configured and that it chose. Bank transfer comes last and every cooperative has it.
 */
export const PAYOUT_METHODS: readonly PayoutMethodProvider[] = [stripeConnectPayouts, vietQrTransferPayouts]
