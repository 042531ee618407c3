import { defineMiddlewares } from "@medusajs/framework/http"
import { coopstallErrorHandler } from "../lib/errors"
import { adminMiddlewares } from "./admin/middlewares"
import { ledgerAdminMiddlewares } from "./admin/ledger/middlewares"
import { hooksMiddlewares } from "./hooks/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { storeMiddlewares } from "./store/middlewares"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { vendorMiddlewares } from "./vendor/middlewares"

export default defineMiddlewares({
  errorHandler: coopstallErrorHandler as any,
  routes: [...vendorMiddlewares, ...adminMiddlewares, ...ledgerAdminMiddlewares, ...storeMiddlewares, ...storeSearchMiddlewares, ...hooksMiddlewares, ...payoutMiddlewares],
})
