import { Module } from "@medusajs/framework/utils"
import ProductRevisionModuleService from "./service"

export const PRODUCT_REVISION_MODULE = "product_revision"

export default Module(PRODUCT_REVISION_MODULE, {
  service: ProductRevisionModuleService,
})

export { ProductRevisionModuleService }
export * from "./lifecycle"
