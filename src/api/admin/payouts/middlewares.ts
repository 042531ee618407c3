import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../lib/validation"
import {
  ConnectStripeAccountBody,
  ListPayoutRunsQuery,
  ListPayoutsQuery,
  MarkPayoutFailedBody,
  MarkPayoutPaidBody,
  PayoutPreviewQuery,
  PayoutQrQuery,
  StartPayoutRunBody,
  VendorListPayoutsQuery,
  VerifyBankAccountBody,
} from "./validators"

/** Payout routes of every surface: /admin (union admins only, by Medusa's admin auth), /vendor, /hooks. */
export const payoutMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/payout-runs", middlewares: [validateBody(StartPayoutRunBody)] },
  { method: ["GET"], matcher: "/admin/payout-runs", middlewares: [validateQuery(ListPayoutRunsQuery)] },
  { method: ["GET"], matcher: "/admin/payout-runs/preview", middlewares: [validateQuery(PayoutPreviewQuery)] },
  { method: ["GET"], matcher: "/admin/payouts", middlewares: [validateQuery(ListPayoutsQuery)] },
  { method: ["GET"], matcher: "/admin/payouts/:id/qr", middlewares: [validateQuery(PayoutQrQuery)] },
  { method: ["POST"], matcher: "/admin/payouts/:id/mark-paid", middlewares: [validateBody(MarkPayoutPaidBody)] },
  { method: ["POST"], matcher: "/admin/payouts/:id/mark-failed", middlewares: [validateBody(MarkPayoutFailedBody)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/bank-account/verify", middlewares: [validateBody(VerifyBankAccountBody)] },
  { method: ["POST"], matcher: "/admin/cooperatives/:id/stripe-account/connect", middlewares: [validateBody(ConnectStripeAccountBody)] },
  { method: ["GET"], matcher: "/vendor/payouts", middlewares: [validateQuery(VendorListPayoutsQuery)] },
  // Stripe signs the exact bytes it sent.
  { method: ["POST"], matcher: "/hooks/stripe-connect", bodyParser: { preserveRawBody: true }, middlewares: [] },
]
