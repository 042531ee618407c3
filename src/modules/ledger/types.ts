/**
 * The ledger's vocabulary. Amounts are signed integer VND from the cooperative's point of view:
 * money the union owes the cooperative is positive, money taken off it is negative.
 */
export const LEDGER_ENTRY_TYPES = [
  "sale", // + an order item delivered (its total after discounts)
  "shipping", // + shipping income of a delivered order
  "commission", // − the union's commission on a sale line, at the rate stored on the line
  "refund", // − money given back to the shopper after the sale was booked
  "adjustment", // ± union admin, with a reason
  "payout", // − money paid out to the cooperative
  "payout_reversal", // + a failed payout returns its amount to the balance; a partial Stripe reversal returns what Stripe took back
  "cash_collected", // − cash on delivery the cooperative's own carrier collected and remitted to the cooperative (it already holds it)
  "failed_delivery", // ± a parcel came back: the return shipping cost, moved between union and cooperative as the union's rule says
] as const
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number]

/** What caused an entry. (type, source_type, source_id) is unique: an event delivered twice books once. */
export const LEDGER_SOURCE_TYPES = ["order", "order_item", "refund", "payout", "admin", "stripe_event", "remittance", "failed_delivery"] as const
export type LedgerSourceType = (typeof LEDGER_SOURCE_TYPES)[number]

export const COMMISSION_SCOPES = ["default", "cooperative", "category", "cooperative_category"] as const
export type CommissionScope = (typeof COMMISSION_SCOPES)[number]

/** What a change in the commission rate history did to its rule. */
export const COMMISSION_RATE_ACTIONS = ["created", "updated", "deleted"] as const
export type CommissionRateAction = (typeof COMMISSION_RATE_ACTIONS)[number]

export const PAYOUT_STATUSES = ["pending", "processing", "paid", "failed"] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

export const PAYOUT_PROVIDERS = ["bank_transfer", "stripe_connect"] as const
export type PayoutProvider = (typeof PAYOUT_PROVIDERS)[number]

/** partially_completed: the run went through every cooperative, and some of them failed (see `failures`). */
export const PAYOUT_RUN_STATUSES = ["running", "completed", "partially_completed", "failed"] as const

export type LedgerEntryInput = {
  cooperative_id: string
  type: LedgerEntryType
  /** Signed whole đồng. */
  amount: number
  source_type: LedgerSourceType
  source_id: string
  order_id?: string | null
  line_item_id?: string | null
  payout_id?: string | null
  /** Commission lines: the rate (basis points) used, and the rule it came from. */
  rate_bps?: number | null
  commission_rate_id?: string | null
  description?: string | null
  /** Adjustments: why, and who. */
  reason?: string | null
  created_by?: string | null
  /** From when the entry counts as available for payout (delivery + hold for sales; at once for debits). */
  available_at: Date
  occurred_at?: Date
}
