import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ZnsNotificationProvider } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [ZnsNotificationProvider] })
