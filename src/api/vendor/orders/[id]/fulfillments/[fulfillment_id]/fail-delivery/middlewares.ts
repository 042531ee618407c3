import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../../../../../../lib/validation"
import { FailDeliveryBody } from "./validators"

// Ownership of :id and :fulfillment_id is checked before this runs (the vendor route table in access.ts).
export const failDeliveryMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/vendor/orders/:id/fulfillments/:fulfillment_id/fail-delivery", middlewares: [validateBody(FailDeliveryBody)] },
]
