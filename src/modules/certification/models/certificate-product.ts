import { model } from "@medusajs/framework/utils"
import { Certificate } from "./certificate"

/** A product a certificate covers. */
export const CertificateProduct = model
  .define("certificate_product", {
    id: model.id({ prefix: "certp" }).primaryKey(),
    product_id: model.text().index(),
    certificate: model.belongsTo(() => Certificate, { mappedBy: "products" }),
  })
  .indexes([{ on: ["certificate_id", "product_id"], unique: true }])
