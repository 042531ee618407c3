import { MiddlewareRoute } from "@medusajs/framework/http"
import { LedgerExportQuery, LedgerQuery } from "../../../workflows/ledger/read/query"
import { validateBody, validateQuery } from "../../../lib/validation"
import { LedgerAdjustmentBody, OrderRefundBody, ReconciliationQuery } from "./validators"

/** Adjustments, order refunds and the reconciliation report (Medusa authenticates every /admin route as a user; commission rates: ../commission-rates/middlewares.ts). */
export const ledgerAdminMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/cooperatives/:id/ledger-adjustments", middlewares: [validateBody(LedgerAdjustmentBody)] },
  { method: ["GET"], matcher: "/admin/cooperatives/:id/ledger", middlewares: [validateQuery(LedgerQuery)] },
  { method: ["GET"], matcher: "/admin/cooperatives/:id/ledger/export.csv", middlewares: [validateQuery(LedgerExportQuery)] },
  { method: ["GET"], matcher: "/admin/ledger/reconciliation", middlewares: [validateQuery(ReconciliationQuery)] },
  { method: ["POST"], matcher: "/admin/orders/:id/refunds", middlewares: [validateBody(OrderRefundBody)] },
]
