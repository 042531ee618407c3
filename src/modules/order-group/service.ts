import { MedusaService } from "@medusajs/framework/utils"
import { numbersOut, vndFromDb } from "../../lib/money"
import { OrderGroup } from "./models/order-group"

/** `total` is a bigint column; the ORM hands it over as a string, this module hands out numbers. */
const totals = (rows: unknown): unknown => {
  const fix = (row: unknown) => (row && typeof row === "object" && "total" in row ? { ...row, total: vndFromDb(row.total) } : row)
  return Array.isArray(rows) ? rows.map(fix) : fix(rows)
}

const OrderGroupServiceBase = MedusaService({ OrderGroup })

export default class OrderGroupModuleService extends OrderGroupServiceBase {
  constructor(...args: ConstructorParameters<typeof OrderGroupServiceBase>) {
    super(...args)
    numbersOut(this, {
      listOrderGroups: totals,
      listAndCountOrderGroups: ([rows, count]: [unknown, number]) => [totals(rows), count],
      retrieveOrderGroup: totals,
      createOrderGroups: totals,
    })
  }
}
