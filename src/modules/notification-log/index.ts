import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { LogNotificationProvider } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [LogNotificationProvider] })
