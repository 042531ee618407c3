import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../lib/validation"
import { AcceptReturnBody, ListReturnsQuery, ReceiveReturnBody, RefuseReturnBody } from "../../store/returns/validators"

// Ownership of :id (a return of the caller's cooperative) is checked before this runs (the vendor route table in access.ts).
export const vendorReturnMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/vendor/returns", middlewares: [validateQuery(ListReturnsQuery)] },
  { method: ["POST"], matcher: "/vendor/returns/:id/accept", middlewares: [validateBody(AcceptReturnBody)] },
  { method: ["POST"], matcher: "/vendor/returns/:id/refuse", middlewares: [validateBody(RefuseReturnBody)] },
  { method: ["POST"], matcher: "/vendor/returns/:id/receive", middlewares: [validateBody(ReceiveReturnBody)] },
]
