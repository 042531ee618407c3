import { model } from "@medusajs/framework/utils"
import { REVIEW_SUBJECTS, SHOPPER_REVIEW_STATUSES } from "../lifecycle"

/**
 * A buyer's review of one product of a received order, or of the cooperative that sold it. The
 * text is stored exactly as typed (NFC); whoever renders it as HTML escapes it.
 */
export const ShopperReview = model
  .define("shopper_review", {
    id: model.id({ prefix: "rev" }).primaryKey(),
    subject_type: model.enum([...REVIEW_SUBJECTS]),
    /** The product id or the cooperative id, whichever subject_type names. */
    subject_id: model.text(),
    product_id: model.text().nullable(),
    cooperative_id: model.text().nullable(),
    order_id: model.text(),
    customer_id: model.text(),
    author_name: model.text(),
    rating: model.number(),
    title: model.text(),
    body: model.text(),
    photo_urls: model.json().nullable(),
    status: model.enum([...SHOPPER_REVIEW_STATUSES]).default("pending"),
    moderation_reason: model.text().nullable(),
    moderated_at: model.dateTime().nullable(),
    moderated_by: model.text().nullable(),
    published_at: model.dateTime().nullable(),
    reply: model.text().nullable(),
    replied_at: model.dateTime().nullable(),
    replied_by: model.text().nullable(),
  })
  .indexes([
    // Once per product of an order and once per cooperative of an order, whatever races happen.
    { name: "IDX_shopper_review_once_per_order", on: ["order_id", "subject_type", "subject_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id", "status"] },
    { on: ["cooperative_id", "status"] },
    { on: ["status", "created_at"] },
  ])
