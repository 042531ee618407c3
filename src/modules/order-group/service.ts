import { MedusaService } from "@medusajs/framework/utils"
import { numbersOut, vndFromDb } from "../../lib/money"
import { OrderGroup } from "./models/order-group"

/** `total` is a bigint column; the ORM hands it over as a string, this module hands out numbers. */
const totals = (rows: any): any => {
  const fix = (row: any) => (row && "total" in row ? { ...row, total: vndFromDb(row.total) } : row)
  return Array.isArray(rows) ? rows.map(fix) : fix(rows)
}

export default class OrderGroupModuleService extends MedusaService({ OrderGroup }) {
  constructor(...args: any[]) {
    super(...args)
    numbersOut(this, {
      listOrderGroups: totals,
      listAndCountOrderGroups: ([rows, count]: [any, number]) => [totals(rows), count],
      retrieveOrderGroup: totals,
      createOrderGroups: totals,
    })
  }
}
