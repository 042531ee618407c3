/**
 * requested → accepted | refused (the cooperative); refused → escalated (the shopper) → accepted |
 * rejected (the union); accepted → received (stock back; the cooperative collected the cash and
 * refunds it itself) | refunded (the union's payment gave the items' share back).
 */
export const RETURN_STATUSES = ["requested", "accepted", "refused", "escalated", "rejected", "received", "refunded"] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]

/** A return in one of these blocks another of the same order. */
export const OPEN_RETURN_STATUSES: ReturnStatus[] = ["requested", "accepted", "escalated"]
/** Items of a return in one of these count as returned (or on their way back). */
export const COUNTED_RETURN_STATUSES: ReturnStatus[] = ["requested", "accepted", "escalated", "received", "refunded"]

export type ReturnItem = { line_item_id: string; quantity: number; title: string; amount: number }
/** `url` is null when the file store no longer knows the file. */
export type ReturnPhoto = { id: string; url: string | null }
