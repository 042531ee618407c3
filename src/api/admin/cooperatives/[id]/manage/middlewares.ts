import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "zod"
import { paginationQuery, validateBody, validateQuery } from "../../../../../lib/validation"

// None of these verbs takes a body: anything sent is refused rather than silently ignored.
const NoBody = z.object({}).strict()

export const unionManagementMiddlewares: MiddlewareRoute[] = [
  ...["manage", "unmanage", "act-as"].map((verb) => ({
    method: ["POST" as const],
    matcher: `/admin/cooperatives/:id/${verb}`,
    middlewares: [validateBody(NoBody)],
  })),
  { method: ["GET"], matcher: "/admin/cooperatives/:id/activity", middlewares: [validateQuery(z.object(paginationQuery).strict())] },
]
