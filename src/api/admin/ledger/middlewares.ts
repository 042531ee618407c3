import { MiddlewareRoute } from "@medusajs/framework/http"
import { LedgerExportQuery, LedgerQuery } from "../../../lib/ledger/query"
import { validateBody, validateQuery } from "../../../lib/validation"
import { CreateCommissionRateBody, ListCommissionRatesQuery, UpdateCommissionRateBody } from "../commission-rates/validators"
import { LedgerAdjustmentBody, OrderRefundBody, ReconciliationQuery } from "./validators"

/** Commission rates, adjustments, order refunds and the reconciliation report (Medusa authenticates every /admin route as a user). */
export const ledgerAdminMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/commission-rates", middlewares: [validateQuery(ListCommissionRatesQuery)] },
  { method: ["POST"], matcher: "/admin/commission-rates", middlewares: [validateBody(CreateCommissionRateBody)] },
  { method: ["POST"], matcher: "/admin/commission-rates/:id", middlewares: [validateBody(UpdateCommissionRateBody)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/ledger-adjustments", middlewares: [validateBody(LedgerAdjustmentBody)] },
  { method: ["GET"], matcher: "/admin/cooperatives/:id/ledger", middlewares: [validateQuery(LedgerQuery)] },
  { method: ["GET"], matcher: "/admin/cooperatives/:id/ledger/export.csv", middlewares: [validateQuery(LedgerExportQuery)] },
  { method: ["GET"], matcher: "/admin/ledger/reconciliation", middlewares: [validateQuery(ReconciliationQuery)] },
  { method: ["POST"], matcher: "/admin/orders/:id/refunds", middlewares: [validateBody(OrderRefundBody)] },
]
