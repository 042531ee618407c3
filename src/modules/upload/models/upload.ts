import { model } from "@medusajs/framework/utils"

/**
 * One file a cooperative stored through POST /vendor/uploads: what counts against its storage quota.
 * The row is written (under the quota check) before the file reaches the file provider; `file_id`
 * is the provider's key once stored. A row whose file never arrived still counts, which errs on the safe side.
 */
export const Upload = model.define("upload", {
  id: model.id({ prefix: "upl" }).primaryKey(),
  cooperative_id: model.text().index(),
  /** The name the server chose (the provider may prefix it); unique. */
  name: model.text().unique(),
  file_id: model.text().nullable(),
  /** Detected from the bytes. */
  mime_type: model.text(),
  size: model.number(),
})
