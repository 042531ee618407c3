import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../lib/validation"
import {
  AdminListCertificatesQuery,
  AdminListCooperativesQuery,
  AdminListOcopRatingsQuery,
  CooperativeActionBody,
  ProductDecisionBody,
  ReviewActionBody,
} from "./validators"

export const adminMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/cooperatives", middlewares: [validateQuery(AdminListCooperativesQuery)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/:action", middlewares: [validateBody(CooperativeActionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/publish", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/reject", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["GET"], matcher: "/admin/ocop-ratings", middlewares: [validateQuery(AdminListOcopRatingsQuery)] },
  { method: ["POST"], matcher: "/admin/ocop-ratings/:id/:action", middlewares: [validateBody(ReviewActionBody)] },
  { method: ["GET"], matcher: "/admin/certificates", middlewares: [validateQuery(AdminListCertificatesQuery)] },
  { method: ["POST"], matcher: "/admin/certificates/:id/:action", middlewares: [validateBody(ReviewActionBody)] },
]
