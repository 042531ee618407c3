import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { VietQrPaymentProvider } from "./service"

export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"

export default ModuleProvider(Modules.PAYMENT, { services: [VietQrPaymentProvider] })
