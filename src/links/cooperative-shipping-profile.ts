import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import CooperativeModule from "../modules/cooperative"

// Each cooperative ships its products under a shipping profile of its own. Medusa keeps one
// shipping method per profile in a cart and requires every item's profile to be covered, so a
// cart spanning cooperatives carries exactly one shipping method per cooperative.
export default defineLink(CooperativeModule.linkable.cooperative, FulfillmentModule.linkable.shippingProfile)
