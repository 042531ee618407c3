import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundCanceledSharesStep } from "./steps/refund-canceled-shares"

/** After a capture Medusa made (Stripe, a webhook): the canceled orders' shares of that payment go back. */
export const refundCanceledSharesWorkflow = createWorkflow(
  "refund-canceled-shares",
  (input: { payment_id?: string; order_group_id?: string; created_by?: string }) => new WorkflowResponse(refundCanceledSharesStep(input))
)
