import { model } from "@medusajs/framework/utils"
import { OCOP_PRODUCT_GROUPS, REVIEW_STATUSES } from "../lifecycle"

/** An OCOP star rating claimed for one product, as printed on a provincial (or ministerial) decision. */
export const OcopRating = model
  .define("ocop_rating", {
    id: model.id({ prefix: "ocop" }).primaryKey(),
    cooperative_id: model.text(),
    product_id: model.text(),
    stars: model.number(),
    product_group: model.enum([...OCOP_PRODUCT_GROUPS]),
    decision_number: model.text(),
    issuing_authority: model.text(),
    decision_date: model.text(),
    expires_at: model.dateTime(),
    evidence_file_id: model.text(),
    evidence_url: model.text(),
    status: model.enum([...REVIEW_STATUSES]).default("submitted"),
    review_note: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    expiry_reminded_at: model.dateTime().nullable(),
    superseded_by_id: model.text().nullable(),
  })
  .indexes([
    // At most one active rating and one rating under review per product, whatever races happen.
    { name: "IDX_ocop_rating_one_verified_per_product", on: ["product_id"], unique: true, where: "status = 'verified' AND deleted_at IS NULL" },
    { name: "IDX_ocop_rating_one_submitted_per_product", on: ["product_id"], unique: true, where: "status = 'submitted' AND deleted_at IS NULL" },
    { on: ["cooperative_id"] },
    { on: ["status", "expires_at"] },
  ])
