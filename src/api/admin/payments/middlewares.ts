import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { conflict, CoopstallError, ErrorTypes, notFound } from "../../../lib/errors"
import { ORDER_GROUP_MODULE, OrderGroupModuleService, PaymentShare } from "../../../modules/order-group"
import { refundCooperativeOrderWorkflow } from "../../../workflows/ledger/refund-cooperative-order"
import { PaymentRefundBody } from "./validators"

/** The fields Medusa's own route answers with (its defaultAdminPaymentFields), when no ?fields came. */
const PAYMENT_FIELDS = [
  "id", "currency_code", "amount", "captured_at", "payment_collection_id", "payment_session_id",
  "captures.id", "captures.amount",
  "refunds.id", "refunds.amount", "refunds.note", "refunds.payment_id", "refunds.refund_reason.label", "refunds.refund_reason.code",
]

/**
 * Medusa's POST /admin/payments/:id/refund (Medusa Admin's refund button) knows nothing of the
 * cooperatives sharing a purchase's one payment. For a purchase with one order it becomes our order
 * refund (capped by what was paid in for that order, locked, booked) and answers in Medusa's shape;
 * for a purchase of several orders it is refused, as it cannot say whose share goes back. Payments
 * of no purchase go on to Medusa's route untouched.
 */
export async function refundPurchasePayment(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const payments = req.scope.resolve(Modules.PAYMENT)
    const [payment] = await payments.listPayments({ id: req.params.id }, { select: ["id", "payment_collection_id"] })
    const [group] = payment?.payment_collection_id
      ? await (req.scope.resolve(ORDER_GROUP_MODULE) as OrderGroupModuleService).listOrderGroups({ payment_collection_id: payment.payment_collection_id })
      : []
    if (!group) return next()

    const shares = (group.shares as unknown as PaymentShare[]) ?? []
    if (shares.length !== 1) {
      throw conflict(
        "refund_names_no_order",
        `This payment pays a purchase of ${shares.length} cooperatives' orders, and a payment refund cannot say whose share goes back. ` +
          "Refund the order instead: POST /admin/orders/:id/refunds { amount }."
      )
    }
    const parsed = PaymentRefundBody.safeParse(req.body ?? {})
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join(".") || "body", message: i.message }))
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `Invalid body. ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors)
    }
    const reasonId = parsed.data.refund_reason_id
    if (reasonId && !(await payments.listRefundReasons({ id: reasonId }, { select: ["id"] })).length) {
      throw notFound("Refund reason", reasonId)
    }
    await refundCooperativeOrderWorkflow(req.scope).run({
      input: { order_id: shares[0].order_id, ...parsed.data, created_by: (req as AuthenticatedMedusaRequest).auth_context?.actor_id },
    })
    const fields = req.queryConfig?.fields?.length ? req.queryConfig.fields : PAYMENT_FIELDS
    const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "payment", fields, filters: { id: payment.id } })
    res.status(200).json({ payment: data[0] })
  } catch (e) {
    next(e)
  }
}

export const paymentRefundMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/admin/payments/:id/refund", middlewares: [refundPurchasePayment] },
]
