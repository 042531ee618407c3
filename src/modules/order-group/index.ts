import { Module } from "@medusajs/framework/utils"
import OrderGroupModuleService from "./service"

export const ORDER_GROUP_MODULE = "order_group"

export default Module(ORDER_GROUP_MODULE, {
  service: OrderGroupModuleService,
})

export { OrderGroupModuleService }

/** The part of the one payment that belongs to one cooperative's order, in whole đồng. */
export type PaymentShare = { order_id: string; cooperative_id: string; amount: number }
