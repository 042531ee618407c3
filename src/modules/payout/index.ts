import { Module } from "@medusajs/framework/utils"
import PayoutModuleService from "./service"

export const PAYOUT_MODULE = "payout"

// No models: payouts and runs are rows of the ledger module (docs/architecture/payouts.md).
export default Module(PAYOUT_MODULE, {
  service: PayoutModuleService,
})

export { PayoutModuleService }
export * from "./types"
export * from "./period"
export { payoutMinimum } from "./plan"
