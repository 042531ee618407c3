import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "zod"
import { validateBody, validateQuery } from "../../../lib/validation"
import { DecideReturnBody, ListReturnsQuery } from "../../store/returns/validators"

export const AdminListReturnsQuery = ListReturnsQuery.extend({ cooperative_id: z.string().min(1).max(100).optional() }).strict()

export const adminReturnMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/returns", middlewares: [validateQuery(AdminListReturnsQuery)] },
  { method: ["POST"], matcher: "/admin/returns/:id/decide", middlewares: [validateBody(DecideReturnBody)] },
]
