import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { VietnamesePostgresSearchService } from "./service"

export { VietnamesePostgresSearchService }

export default ModuleProvider(Modules.SEARCH, {
  services: [VietnamesePostgresSearchService],
})
