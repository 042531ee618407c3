import type { PayableCooperative, PayoutMethodProvider, PayoutPlan } from "./types"

/** PAYOUT_MIN_AMOUNT: a cooperative with less available at the cutoff waits for a later run. */
export const payoutMinimum = () => {
  const value = Number(process.env.PAYOUT_MIN_AMOUNT ?? 100_000)
  return Number.isInteger(value) && value > 0 ? value : 100_000
}

/** The method a cooperative is paid by now: the first of `methods` that is configured and that it chose. */
export const methodFor = (methods: readonly PayoutMethodProvider[], cooperative: PayableCooperative) =>
  methods.find((m) => m.isConfigured() && m.isChosenBy(cooperative))

/**
 * How a cooperative is paid, or why it is not. Only approved cooperatives are paid (a suspended
 * one keeps its balance for a later run); then its method prepares the payout (with Stripe
 * configured and a connected account, a Stripe transfer; otherwise a bank transfer to a
 * union-verified account).
 */
export function planPayout(
  methods: readonly PayoutMethodProvider[],
  cooperative: PayableCooperative | undefined,
  payout: { id: string; amount: number }
): PayoutPlan {
  if (!cooperative || cooperative.status !== "approved") {
    return { skip: "cooperative_not_approved", detail: cooperative ? `status ${cooperative.status}` : "unknown cooperative" }
  }
  const method = methodFor(methods, cooperative)
  // Bank transfer is every cooperative's method; without it configured there is no account to pay.
  if (!method) return { skip: "no_bank_account" }
  return method.prepare(cooperative, payout)
}
