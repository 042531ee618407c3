import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import OrderGroupModule from "../modules/order-group"

// A purchase groups one order per cooperative; each order belongs to at most one purchase.
export default defineLink(OrderGroupModule.linkable.orderGroup, {
  linkable: OrderModule.linkable.order,
  isList: true,
})
