import { model } from "@medusajs/framework/utils"
import { RETURN_STATUSES } from "../status"

/**
 * A shopper's return of delivered items of one cooperative's order (issue 16, docs/returns.md): the
 * marketplace's side of it (who asked, why, photos, who decided what). Stock, refund and ledger are
 * written when the cooperative records the parcel received.
 */
export const CooperativeReturn = model
  .define("cooperative_return", {
    id: model.id({ prefix: "cret" }).primaryKey(),
    order_id: model.text(),
    order_group_id: model.text().nullable(),
    cooperative_id: model.text(),
    customer_id: model.text(),
    status: model.enum([...RETURN_STATUSES]).default("requested"),
    /** [{ line_item_id, quantity, title, amount }]: amount is the items' share of the payment, whole đồng. */
    items: model.json(),
    reason: model.text(),
    /** [{ id, url }]: files the shopper uploaded through POST /store/return-photos. */
    photos: model.json(),
    /** The cooperative's answer (accept or refuse), with its reason. */
    cooperative_note: model.text().nullable(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    escalation_note: model.text().nullable(),
    escalated_at: model.dateTime().nullable(),
    /** The union's decision on an escalated return: "accept" (the return goes ahead) or "refuse". */
    union_decision: model.text().nullable(),
    union_note: model.text().nullable(),
    union_decided_by: model.text().nullable(),
    union_decided_at: model.dateTime().nullable(),
    received_by: model.text().nullable(),
    received_at: model.dateTime().nullable(),
    /** What went back to the shopper through the union's payment (null: the cooperative collected the cash and refunds it itself). */
    refund_amount: model.number().nullable(),
    refund_id: model.text().nullable(),
    /** The commission given back to the cooperative (after what the union keeps). */
    commission_reversed: model.number().nullable(),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["cooperative_id", "status"] },
    { on: ["customer_id"] },
    // At most one return of an order in progress: the second request is refused (also at the same moment).
    { name: "IDX_cooperative_return_open_once", on: ["order_id"], unique: true, where: "status in ('requested', 'accepted', 'escalated') and deleted_at is null" },
  ])
