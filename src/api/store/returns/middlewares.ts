import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../lib/validation"
import { receiveUploads } from "../../vendor/uploads/middleware"
import { EscalateReturnBody, ListReturnsQuery, RequestReturnBody } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])

// A signed-in shopper only; another shopper's order or return answers 404 like a missing one.
export const storeReturnMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/orders/:id/returns", middlewares: [customer, validateBody(RequestReturnBody)] },
  { method: ["GET"], matcher: "/store/returns", middlewares: [customer, validateQuery(ListReturnsQuery)] },
  { method: ["GET"], matcher: "/store/returns/:id", middlewares: [customer] },
  { method: ["POST"], matcher: "/store/returns/:id/escalate", middlewares: [customer, validateBody(EscalateReturnBody)] },
  { method: ["POST"], matcher: "/store/return-photos", middlewares: [customer, receiveUploads] },
]
