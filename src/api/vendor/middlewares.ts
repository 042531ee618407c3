import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../lib/validation"
import { VENDOR_ACTOR_TYPE } from "../../modules/cooperative/vendor-actor"
import { ListCertificatesQuery, ResubmitCertificateBody, SubmitCertificateBody } from "./certificates/validators"
import { ListOcopRatingsQuery, ResubmitOcopRatingBody, SubmitOcopRatingBody } from "./ocop-ratings/validators"
import { LedgerExportQuery, LedgerQuery } from "../../workflows/ledger/read/query"
import { lotMiddlewares } from "./lots/middlewares"
import { failDeliveryMiddlewares } from "./orders/[id]/fulfillments/[fulfillment_id]/fail-delivery/middlewares"
import { vendorReturnMiddlewares } from "./returns/middlewares"
import { ReplyToReviewBody, VendorListReviewsQuery } from "./reviews/validators"
import { assertEveryVendorRouteIsListed } from "./access"
import { activityMiddlewares } from "./activity/middlewares"
import { recordActivity } from "./activity-recorder"
import { ListInvitesQuery } from "./invites/validators"
import { ownershipMiddlewares, requireOwner, resolveTenant } from "./tenant"
import { receiveUploads } from "./uploads/middleware"
import {
  AcceptInviteBody,
  CancelOrderBody,
  CreateFulfillmentBody,
  CreateShippingOptionBody,
  ListOrdersQuery,
  ShipFulfillmentBody,
  UpdateShippingOptionBody,
  CreateCooperativeBody,
  CreateInviteBody,
  CreateProductBody,
  CreateVariantBody,
  ListProductsQuery,
  SetStockBody,
  UpdateBankAccountBody,
  UpdateCooperativeBody,
  UpdateProductBody,
  UpdateVariantBody,
} from "./validators"

// A route file without an entry in the vendor route table (./access.ts) stops the server here.
assertEveryVendorRouteIsListed()

export const vendorMiddlewares: MiddlewareRoute[] = [
  {
    // Tenant isolation: every /vendor request is authenticated as the vendor actor, held to a route
    // of the table spelled exactly, resolved to its cooperative and checked against its status...
    matcher: "/vendor/*",
    middlewares: [
      authenticate(VENDOR_ACTOR_TYPE, ["bearer", "session"], { allowUnregistered: true }),
      resolveTenant,
      // Who did each successful write, staff or a union admin acting for the cooperative (GET /vendor/activity).
      recordActivity,
    ],
  },
  // ...and every id in its path, as the router matched it, is checked before any other route middleware.
  ...ownershipMiddlewares,
  { method: ["POST"], matcher: "/vendor/cooperatives", middlewares: [validateBody(CreateCooperativeBody)] },
  { method: ["POST"], matcher: "/vendor/cooperative", middlewares: [validateBody(UpdateCooperativeBody)] },
  { method: ["POST"], matcher: "/vendor/cooperative/bank-account", middlewares: [requireOwner, validateBody(UpdateBankAccountBody)] },
  { method: ["DELETE"], matcher: "/vendor/users/:id", middlewares: [requireOwner] },
  { method: ["POST"], matcher: "/vendor/invites", middlewares: [requireOwner, validateBody(CreateInviteBody)] },
  { method: ["POST"], matcher: "/vendor/invites/accept", middlewares: [validateBody(AcceptInviteBody)] },
  { method: ["GET"], matcher: "/vendor/invites", middlewares: [validateQuery(ListInvitesQuery)] },
  // :id must belong to the caller's cooperative (tenant rule); the revoke workflow checks it again.
  { method: ["DELETE"], matcher: "/vendor/invites/:id", middlewares: [requireOwner] },
  { method: ["GET"], matcher: "/vendor/products", middlewares: [validateQuery(ListProductsQuery)] },
  { method: ["POST"], matcher: "/vendor/products", middlewares: [validateBody(CreateProductBody)] },
  { method: ["POST"], matcher: "/vendor/products/:id", middlewares: [validateBody(UpdateProductBody)] },
  { method: ["POST"], matcher: "/vendor/products/:id/variants", middlewares: [validateBody(CreateVariantBody)] },
  { method: ["POST"], matcher: "/vendor/products/:id/variants/:variant_id", middlewares: [validateBody(UpdateVariantBody)] },
  { method: ["POST"], matcher: "/vendor/inventory/:inventory_item_id", middlewares: [validateBody(SetStockBody)] },
  { method: ["POST"], matcher: "/vendor/uploads", middlewares: [receiveUploads] },
  { method: ["GET"], matcher: "/vendor/ocop-ratings", middlewares: [validateQuery(ListOcopRatingsQuery)] },
  { method: ["POST"], matcher: "/vendor/ocop-ratings", middlewares: [validateBody(SubmitOcopRatingBody)] },
  { method: ["POST"], matcher: "/vendor/ocop-ratings/:id", middlewares: [validateBody(ResubmitOcopRatingBody)] },
  { method: ["GET"], matcher: "/vendor/certificates", middlewares: [validateQuery(ListCertificatesQuery)] },
  { method: ["POST"], matcher: "/vendor/certificates", middlewares: [validateBody(SubmitCertificateBody)] },
  { method: ["POST"], matcher: "/vendor/certificates/:id", middlewares: [validateBody(ResubmitCertificateBody)] },
  ...lotMiddlewares,
  { method: ["GET"], matcher: "/vendor/reviews", middlewares: [validateQuery(VendorListReviewsQuery)] },
  { method: ["POST"], matcher: "/vendor/reviews/:id/reply", middlewares: [validateBody(ReplyToReviewBody)] },
  { method: ["GET"], matcher: "/vendor/orders", middlewares: [validateQuery(ListOrdersQuery)] },
  { method: ["POST"], matcher: "/vendor/orders/:id/fulfillments", middlewares: [validateBody(CreateFulfillmentBody)] },
  { method: ["POST"], matcher: "/vendor/orders/:id/fulfillments/:fulfillment_id/ship", middlewares: [validateBody(ShipFulfillmentBody)] },
  ...failDeliveryMiddlewares,
  ...vendorReturnMiddlewares,
  { method: ["POST"], matcher: "/vendor/orders/:id/cancel", middlewares: [validateBody(CancelOrderBody)] },
  { method: ["GET"], matcher: "/vendor/ledger", middlewares: [validateQuery(LedgerQuery)] },
  { method: ["GET"], matcher: "/vendor/ledger/export.csv", middlewares: [validateQuery(LedgerExportQuery)] },
  { method: ["POST"], matcher: "/vendor/shipping-options", middlewares: [validateBody(CreateShippingOptionBody)] },
  { method: ["POST"], matcher: "/vendor/shipping-options/:id", middlewares: [validateBody(UpdateShippingOptionBody)] },
  ...activityMiddlewares,
]
