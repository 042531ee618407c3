import { Module } from "@medusajs/framework/utils"
import CooperativeReturnModuleService from "./service"

export const COOPERATIVE_RETURN_MODULE = "cooperative_return"

export default Module(COOPERATIVE_RETURN_MODULE, {
  service: CooperativeReturnModuleService,
})

export { CooperativeReturnModuleService }
export * from "./status"
