import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "../../../lib/validation"
import { CreateLotBody, CreateTraceEventBody, ListLotsQuery, LotQrQuery, UpdateLotBody, UpdateTraceEventBody } from "./validators"

// Ownership of :id and :event_id is checked before these run (the vendor route table in ../access.ts).
export const lotMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/vendor/lots", middlewares: [validateQuery(ListLotsQuery)] },
  { method: ["POST"], matcher: "/vendor/lots", middlewares: [validateBody(CreateLotBody)] },
  { method: ["POST"], matcher: "/vendor/lots/:id", middlewares: [validateBody(UpdateLotBody)] },
  { method: ["GET"], matcher: "/vendor/lots/:id/qr", middlewares: [validateQuery(LotQrQuery)] },
  { method: ["POST"], matcher: "/vendor/lots/:id/events", middlewares: [validateBody(CreateTraceEventBody)] },
  { method: ["POST"], matcher: "/vendor/lots/:id/events/:event_id", middlewares: [validateBody(UpdateTraceEventBody)] },
]
