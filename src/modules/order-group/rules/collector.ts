import type { Collector, PaymentMethod, PaymentShare } from ".."

// Who receives the shopper's money for a cooperative's order (issue 13, docs/money/cash-on-delivery.md).

/** The union's rule for cash on delivery when a cooperative has no setting of its own. */
export function unionCodCollector(): Collector {
  const raw = (process.env.COD_COLLECTOR ?? "").trim()
  if (raw === "") return "cooperative"
  if (raw !== "cooperative" && raw !== "union") throw new Error(`COD_COLLECTOR must be "cooperative" or "union", got "${raw}"`)
  return raw
}

/** The payment method behind a Medusa payment provider id. */
export function paymentMethodOf(providerId: string | null | undefined): PaymentMethod {
  if (!providerId || providerId === "pp_system_default") return "cod"
  if (providerId.startsWith("pp_vietqr")) return "vietqr"
  if (providerId.startsWith("pp_stripe")) return "stripe"
  return "other"
}

/** Who collects an order placed now: only cash on delivery can be collected by the cooperative. */
export function collectorFor(method: PaymentMethod, cooperativeCodCollector: Collector | null | undefined): Collector {
  if (method !== "cod") return "union"
  return cooperativeCodCollector ?? unionCodCollector()
}

/** Who collects a placed order's money; shares written before issue 13 were all collected by the union. */
export function collectorOf(share: Pick<PaymentShare, "collector"> | null | undefined): Collector {
  return share?.collector ?? "union"
}

export function methodOf(share: Pick<PaymentShare, "method"> | null | undefined, providerId?: string | null): PaymentMethod {
  return share?.method ?? paymentMethodOf(providerId)
}
