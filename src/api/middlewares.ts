import { defineMiddlewares, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
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
import { continuesPurchase, isLightRead } from "./store/load-lanes"
import { storeSearchMiddlewares } from "./store/search/middlewares"
import { vendorMiddlewares } from "./vendor/middlewares"

// Medusa resolves the publishable key of every /store request with two SQL statements; this file is
// loaded before the router mounts that middleware, so the cache goes in front of it here.
installPublishableKeyCache()

// One gate for the whole process, read once at boot (HTTP_MAX_IN_FLIGHT=0: none). See src/lib/load-gate.ts.
// A product answer kept in memory is sent without a slot; the steps of a purchase under way go first;
// light reads (trace and cooperative pages) have half as many slots of their own, so heavy work never
// turns them away (docs/benchmarks.md, "Load gate").
const gateLimits = gateLimitsFromEnv()
const mainGate = loadGate(gateLimits ? new WorkGate(gateLimits) : null, { bypass: answerIsKept, urgent: continuesPurchase })
const lightGate = loadGate(gateLimits ? new WorkGate({ ...gateLimits, maxInFlight: Math.ceil(gateLimits.maxInFlight / 2) }) : null)
const gate = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => (isLightRead(req) ? lightGate : mainGate)(req, res, next)

export default defineMiddlewares({
  errorHandler: coopstallErrorHandler,
  // The load gate, then the input guard, first: method-less "/x/*" middlewares run before every other
  // middleware of the surface (Medusa's body parser, CORS, publishable key and auth run before any of
  // ours). /health, the admin dashboard's and the panel's files are outside these prefixes, so never gated.
  routes: [...GUARDED_PREFIXES.map((prefix) => ({ matcher: `${prefix}/*`, middlewares: [gate, guardInput] })), ...vendorMiddlewares, ...adminMiddlewares, ...unionManagementMiddlewares, ...ledgerAdminMiddlewares, ...commissionRateMiddlewares, ...storeMiddlewares, ...storeSearchMiddlewares, ...hooksMiddlewares, ...payoutMiddlewares, ...codRemittanceMiddlewares, ...paymentRefundMiddlewares, ...authMiddlewares, ...panelMiddlewares],
})
