import { model } from "@medusajs/framework/utils"
import { Cooperative } from "./cooperative"

export const CooperativeUser = model.define("cooperative_user", {
  id: model.id({ prefix: "coopusr" }).primaryKey(),
  email: model.text().unique(),
  first_name: model.text().nullable(),
  last_name: model.text().nullable(),
  phone: model.text().nullable(),
  role: model.enum(["owner", "staff"]).default("staff"),
  cooperative: model.belongsTo(() => Cooperative, { mappedBy: "users" }),
})
