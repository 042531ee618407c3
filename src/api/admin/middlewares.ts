import { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../lib/validation"
import { AdminListCooperativesQuery, CooperativeActionBody, ProductDecisionBody } from "./validators"

export const adminMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/cooperatives", middlewares: [validateQuery(AdminListCooperativesQuery)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/:action", middlewares: [validateBody(CooperativeActionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/publish", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/reject", middlewares: [validateBody(ProductDecisionBody)] },
]
