import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../lib/validation"
import {
  CommissionRateHistoryQuery,
  CommissionRatePreviewQuery,
  CreateCommissionRateBody,
  DeleteCommissionRateBody,
  ListCommissionRatesQuery,
  UpdateCommissionRateBody,
} from "./validators"

/** Commission rules, their history and the per-product preview (Medusa authenticates every /admin route as a user). */
export const commissionRateMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/commission-rates", middlewares: [validateQuery(ListCommissionRatesQuery)] },
  { method: ["POST"], matcher: "/admin/commission-rates", middlewares: [validateBody(CreateCommissionRateBody)] },
  { method: ["GET"], matcher: "/admin/commission-rates/history", middlewares: [validateQuery(CommissionRateHistoryQuery)] },
  { method: ["GET"], matcher: "/admin/commission-rates/preview", middlewares: [validateQuery(CommissionRatePreviewQuery)] },
  { method: ["POST"], matcher: "/admin/commission-rates/:id", middlewares: [validateBody(UpdateCommissionRateBody)] },
  { method: ["DELETE"], matcher: "/admin/commission-rates/:id", middlewares: [validateBody(DeleteCommissionRateBody)] },
]
