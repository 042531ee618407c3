import { model } from "@medusajs/framework/utils"
import { REVISION_STATUSES } from "../lifecycle"

/**
 * Changes a cooperative proposes to the shopper-facing content of a product the union already
 * published. The live product keeps its approved content until the union publishes (applies) or
 * rejects the revision. Kept apart from the product (not in its metadata) because the store
 * serves product metadata to anyone: unreviewed text must not reach shoppers through it.
 */
export const ProductRevision = model
  .define("product_revision", {
    id: model.id({ prefix: "prev" }).primaryKey(),
    product_id: model.text(),
    cooperative_id: model.text(),
    /** Only the moderated fields that differ from the live product: title, subtitle, description, handle, thumbnail, images, origin_country. */
    changes: model.json(),
    status: model.enum([...REVISION_STATUSES]).default("pending"),
    submitted_by: model.text().nullable(),
    reason: model.text().nullable(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
  })
  .indexes([
    // At most one revision waits per product, whatever races happen.
    { name: "IDX_product_revision_one_pending", on: ["product_id"], unique: true, where: "status = 'pending' AND deleted_at IS NULL" },
    { on: ["product_id", "created_at"] },
    { on: ["status", "created_at"] },
  ])
