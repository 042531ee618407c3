import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import CooperativeModule from "../modules/cooperative"

// The warehouse a cooperative ships from; created when the union approves it.
export default defineLink(CooperativeModule.linkable.cooperative, StockLocationModule.linkable.stockLocation)
