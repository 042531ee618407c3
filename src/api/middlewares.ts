import { defineMiddlewares } from "@medusajs/framework/http"
import { coopstallErrorHandler } from "../lib/errors"
import { installPublishableKeyCache } from "../lib/publishable-key-cache"
import { adminMiddlewares } from "./admin/middlewares"
import { authMiddlewares } from "./auth/middlewares"
import { ledgerAdminMiddlewares } from "./admin/ledger/middlewares"
import { hooksMiddlewares } from "./hooks/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { storeMiddlewares } from "./store/middlewares"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { vendorMiddlewares } from "./vendor/middlewares"

// Medusa resolves the publishable key of every /store request with two SQL statements; this file is
// loaded before the router mounts that middleware, so the cache goes in front of it here.
installPublishableKeyCache()

export default defineMiddlewares({
  errorHandler: coopstallErrorHandler as any,
  routes: [...vendorMiddlewares, ...adminMiddlewares, ...ledgerAdminMiddlewares, ...storeMiddlewares, ...storeSearchMiddlewares, ...hooksMiddlewares, ...payoutMiddlewares, ...authMiddlewares],
})
