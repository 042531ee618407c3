import type { PaymentShare } from ".."
import { collectorOf, methodOf } from "./collector"

// What a parcel that came back costs whom (issue 13, docs/money/failed-deliveries.md).

export type CostParty = "union" | "cooperative"

/** The union's rule: who bears the carrier's return shipping cost of a failed delivery (default: the cooperative). */
export function failedDeliveryCostBearer(): CostParty {
  const raw = (process.env.FAILED_DELIVERY_COST_BEARER ?? "").trim()
  if (raw === "") return "cooperative"
  if (raw !== "cooperative" && raw !== "union") throw new Error(`FAILED_DELIVERY_COST_BEARER must be "cooperative" or "union", got "${raw}"`)
  return raw
}

/**
 * Who paid the carrier for the parcel's way back: the union when its own carrier contract carried a
 * cash-on-delivery parcel (the union collects that cash), else the cooperative's own carrier account.
 */
export function returnShippingPaidBy(share: Pick<PaymentShare, "method" | "collector"> | null | undefined, providerId?: string | null): CostParty {
  return methodOf(share, providerId) === "cod" && collectorOf(share) === "union" ? "union" : "cooperative"
}

/**
 * The signed amount of the cooperative's `failed_delivery` ledger line: the cost moves from whoever
 * paid the carrier to whoever bears it. The union paid and the cooperative bears it → −cost (a debt
 * of the cooperative); the cooperative paid and the union bears it → +cost (the union owes it);
 * otherwise 0 (the line still records the failed delivery).
 */
export function failedDeliveryAmount(cost: number, paidBy: CostParty, bearer: CostParty): number {
  if (paidBy === bearer || cost === 0) return 0
  return bearer === "cooperative" ? -cost : cost
}
