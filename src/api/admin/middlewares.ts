import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { REVIEW_ACTIONS } from "../../modules/certification"
import { COOPERATIVE_ACTIONS } from "../../modules/cooperative"
import { MODERATION_ACTIONS } from "../../modules/review"
import { CoopstallError, ErrorTypes } from "../../lib/errors"
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

/** A decision the union may take on …/:id/<action>, each its own route folder; any other word is 404 `unknown_action`. */
const knownAction =
  (actions: readonly string[], what: string) => (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    if (actions.includes(req.params.action)) return next()
    next(new CoopstallError(ErrorTypes.NOT_FOUND, "unknown_action", `There is no ${what} action "${req.params.action}"; use ${actions.join(", ")}.`))
  }
const each = (actions: readonly string[], prefix: string, middlewares: MiddlewareRoute["middlewares"]): MiddlewareRoute[] =>
  actions.map((action) => ({ method: ["POST"], matcher: `${prefix}/${action}`, middlewares }))

export const adminMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/cooperatives", middlewares: [validateQuery(AdminListCooperativesQuery)] },
  ...each(COOPERATIVE_ACTIONS, "/admin/cooperatives/:id", [validateBody(CooperativeActionBody)]),
  { method: ["POST"], matcher: "/admin/cooperatives/:id/release", middlewares: [validateBody(ReleaseCooperativeBody)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/cod-collector", middlewares: [validateBody(SetCodCollectorBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/publish", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["POST"], matcher: "/admin/products/:id/reject", middlewares: [validateBody(ProductDecisionBody)] },
  { method: ["GET"], matcher: "/admin/product-queue", middlewares: [validateQuery(AdminProductQueueQuery)] },
  { method: ["GET"], matcher: "/admin/ocop-ratings", middlewares: [validateQuery(AdminListOcopRatingsQuery)] },
  { method: ["POST"], matcher: "/admin/ocop-ratings/:id/:action", middlewares: [knownAction(REVIEW_ACTIONS, "review")] },
  ...each(REVIEW_ACTIONS, "/admin/ocop-ratings/:id", [validateBody(ReviewActionBody)]),
  { method: ["GET"], matcher: "/admin/certificates", middlewares: [validateQuery(AdminListCertificatesQuery)] },
  { method: ["POST"], matcher: "/admin/certificates/:id/:action", middlewares: [knownAction(REVIEW_ACTIONS, "review")] },
  ...each(REVIEW_ACTIONS, "/admin/certificates/:id", [validateBody(ReviewActionBody)]),
  { method: ["GET"], matcher: "/admin/reviews", middlewares: [validateQuery(AdminListReviewsQuery)] },
  { method: ["POST"], matcher: "/admin/reviews/:id/:action", middlewares: [knownAction(MODERATION_ACTIONS, "moderation")] },
  ...each(MODERATION_ACTIONS, "/admin/reviews/:id", [validateBody(ReviewModerationBody)]),
  ...adminReturnMiddlewares,
]
