import { MedusaService } from "@medusajs/framework/utils"
import { OrderGroup } from "./models/order-group"

export default class OrderGroupModuleService extends MedusaService({ OrderGroup }) {}
