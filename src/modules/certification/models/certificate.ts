import { model } from "@medusajs/framework/utils"
import { CERTIFICATE_TYPES, REVIEW_STATUSES } from "../lifecycle"
import { CertificateProduct } from "./certificate-product"

/** A production certificate (VietGAP, organic, GlobalG.A.P. …) held by a cooperative and covering some of its products. */
export const Certificate = model
  .define("certificate", {
    id: model.id({ prefix: "cert" }).primaryKey(),
    cooperative_id: model.text(),
    type: model.enum([...CERTIFICATE_TYPES]),
    // Free text: VietGAP codes have no official format (e.g. VietGAP-TT-13-09-68-0096).
    code: model.text(),
    issuing_body: model.text(),
    holder_name: model.text(),
    production_site: model.text().nullable(),
    area_hectares: model.float().nullable(),
    yearly_output_kg: model.number().nullable(),
    issued_on: model.text(),
    valid_until: model.text(),
    expires_at: model.dateTime(),
    evidence_file_id: model.text(),
    evidence_url: model.text(),
    status: model.enum([...REVIEW_STATUSES]).default("submitted"),
    review_note: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    expiry_reminded_at: model.dateTime().nullable(),
    products: model.hasMany(() => CertificateProduct, { mappedBy: "certificate" }),
  })
  .cascades({ delete: ["products"] })
  .indexes([
    // One certificate code cannot be claimed twice while under review or in force.
    { on: ["type", "code"], unique: true, where: "status IN ('submitted', 'verified') AND deleted_at IS NULL" },
    { on: ["cooperative_id"] },
    { on: ["status", "expires_at"] },
  ])
