import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { COOPERATIVE_ACTIONS } from "../../modules/cooperative"
import { validateBody, validateQuery } from "../../lib/validation"
import {
  AdminListCertificatesQuery,
  AdminListCooperativesQuery,
  AdminListOcopRatingsQuery,
  AdminProductQueueQuery,
  CooperativeActionBody,
  ProductDecisionBody,
  ReviewActionBody,
  AdminListReviewsQuery,
  ReviewModerationBody,
} from "./validators"
import { ReleaseCooperativeBody } from "./cooperatives/[id]/release/validators"
import { adminReturnMiddlewares } from "./returns/middlewares"
import { SetCodCollectorBody } from "./cooperatives/[id]/cod-collector/validators"

/** /admin/cooperatives/:id/:action also matches the static sub-routes beside it (ledger-adjustments): only status actions take this body. */
const forStatusActions =
  (middleware: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void) =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    (COOPERATIVE_ACTIONS as readonly string[]).includes(req.params.action) ? middleware(req, res, next) : next()

export const adminMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/cooperatives", middlewares: [validateQuery(AdminListCooperativesQuery)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/:action", middlewares: [forStatusActions(validateBody(CooperativeActionBody))] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/release", middlewares: [validateBody(ReleaseCooperativeBody)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/cod-collector", middlewares: [validateBody(SetCodCollectorBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/publish", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/reject", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["GET"], matcher: "/admin/product-queue", middlewares: [validateQuery(AdminProductQueueQuery)] },
  { method: ["GET"], matcher: "/admin/ocop-ratings", middlewares: [validateQuery(AdminListOcopRatingsQuery)] },
  { method: ["POST"], matcher: "/admin/ocop-ratings/:id/:action", middlewares: [validateBody(ReviewActionBody)] },
  { method: ["GET"], matcher: "/admin/certificates", middlewares: [validateQuery(AdminListCertificatesQuery)] },
  { method: ["POST"], matcher: "/admin/certificates/:id/:action", middlewares: [validateBody(ReviewActionBody)] },
  { method: ["GET"], matcher: "/admin/reviews", middlewares: [validateQuery(AdminListReviewsQuery)] },
  { method: ["POST"], matcher: "/admin/reviews/:id/:action", middlewares: [validateBody(ReviewModerationBody)] },
  ...adminReturnMiddlewares,
]
