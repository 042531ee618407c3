import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { VietQrPaymentProvider } from "./service"

// Medusa names a payment provider pp_<identifier>_<id in medusa-config>: both are "vietqr", so the
// id stored on regions and payment sessions stays the same whatever this folder is called.
export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"

export default ModuleProvider(Modules.PAYMENT, { services: [VietQrPaymentProvider] })
