import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CooperativeRateService } from "./service"

export const COOPERATIVE_RATE_PROVIDER_ID = "cooperative-rate_cooperative-rate"

export default ModuleProvider(Modules.FULFILLMENT, { services: [CooperativeRateService] })
