import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import CooperativeModule from "../modules/cooperative"

// The cooperative that fulfils an order; every order of the marketplace has exactly one.
export default defineLink(CooperativeModule.linkable.cooperative, {
  linkable: OrderModule.linkable.order,
  isList: true,
})
