import { defineMiddlewares } from "@medusajs/framework/http"
import { coopstallErrorHandler } from "../lib/errors"
import { GUARDED_PREFIXES, guardInput } from "../lib/input-guard"
import { gateLimitsFromEnv, loadGate, WorkGate } from "../lib/load-gate"
import { installPublishableKeyCache } from "../medusa-internals/publishable-key-cache"
import { adminMiddlewares } from "./admin/middlewares"
import { unionManagementMiddlewares } from "./admin/cooperatives/[id]/manage/middlewares"
import { authMiddlewares } from "./auth/middlewares"
import { panelMiddlewares } from "./cooperative/middlewares"
import { codRemittanceMiddlewares } from "./admin/cod-remittances/middlewares"
import { commissionRateMiddlewares } from "./admin/commission-rates/middlewares"
import { ledgerAdminMiddlewares } from "./admin/ledger/middlewares"
import { hooksMiddlewares } from "./hooks/middlewares"
import { payoutMiddlewares } from "./admin/payouts/middlewares"
import { paymentRefundMiddlewares } from "./admin/payments/middlewares"
import { storeMiddlewares } from "./store/middlewares"
import { answerIsKept } from "./store/product-answer-cache"
import { continuesPurchase } from "./store/purchase-in-progress"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { vendorMiddlewares } from "./vendor/middlewares"

// Medusa resolves the publishable key of every /store request with two SQL statements; this file is
// loaded before the router mounts that middleware, so the cache goes in front of it here.
installPublishableKeyCache()

// One gate for the whole process, read once at boot (HTTP_MAX_IN_FLIGHT=0: none). See src/lib/load-gate.ts.
// A product answer kept in memory is sent without a slot; the steps of a purchase under way go first.
const gateLimits = gateLimitsFromEnv()
const gate = loadGate(gateLimits ? new WorkGate(gateLimits) : null, { bypass: answerIsKept, urgent: continuesPurchase })

export default defineMiddlewares({
  errorHandler: coopstallErrorHandler,
  // The load gate, then the input guard, first: method-less "/x/*" middlewares run before every other
  // middleware of the surface (Medusa's body parser, CORS, publishable key and auth run before any of
  // ours). /health, the admin dashboard's and the panel's files are outside these prefixes, so never gated.
  routes: [...GUARDED_PREFIXES.map((prefix) => ({ matcher: `${prefix}/*`, middlewares: [gate, guardInput] })), ...vendorMiddlewares, ...adminMiddlewares, ...unionManagementMiddlewares, ...ledgerAdminMiddlewares, ...commissionRateMiddlewares, ...storeMiddlewares, ...storeSearchMiddlewares, ...hooksMiddlewares, ...payoutMiddlewares, ...codRemittanceMiddlewares, ...paymentRefundMiddlewares, ...authMiddlewares, ...panelMiddlewares],
})
