import { defineMiddlewares } from "@medusajs/framework/http"
import { coopstallErrorHandler } from "../lib/errors"
import { GUARDED_PREFIXES, guardInput } from "../lib/input-guard"
import { installPublishableKeyCache } from "../medusa-internals/publishable-key-cache"
import { adminMiddlewares } from "./admin/middlewares"
import { authMiddlewares } from "./auth/middlewares"
import { panelMiddlewares } from "./cooperative/middlewares"
import { codRemittanceMiddlewares } from "./admin/cod-remittances/middlewares"
import { commissionRateMiddlewares } from "./admin/commission-rates/middlewares"
import { ledgerAdminMiddlewares } from "./admin/ledger/middlewares"
import { hooksMiddlewares } from "./hooks/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { paymentRefundMiddlewares } from "./admin/payments/middlewares"
import { storeMiddlewares } from "./store/middlewares"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { vendorMiddlewares } from "./vendor/middlewares"

// Medusa resolves the publishable key of every /store request with two SQL statements; this file is
// loaded before the router mounts that middleware, so the cache goes in front of it here.
installPublishableKeyCache()

export default defineMiddlewares({
  errorHandler: coopstallErrorHandler as any,
  // The input guard first: method-less "/x/*" middlewares run before every other middleware of the surface.
  routes: [...GUARDED_PREFIXES.map((prefix) => ({ matcher: `${prefix}/*`, middlewares: [guardInput] })), ...vendorMiddlewares, ...adminMiddlewares, ...ledgerAdminMiddlewares, ...commissionRateMiddlewares, ...storeMiddlewares, ...storeSearchMiddlewares, ...hooksMiddlewares, ...payoutMiddlewares, ...codRemittanceMiddlewares, ...paymentRefundMiddlewares, ...authMiddlewares, ...panelMiddlewares],
})
