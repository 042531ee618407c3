import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { CoopstallError } from "../../../lib/errors"
import { validateQuery } from "../../../lib/validation"
import type { VendorRequest } from "../tenant"
import { ListActivityQuery } from "./validators"

/**
 * The activity list is the owner's check on everyone who works in the stall, staff and union alike;
 * a union admin acting for the cooperative reads it too (the union answers for what it did there).
 * The history of one record (`?record_id=`) is part of that record, shown on its page to all its staff.
 */
function ownerOrUnion(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const tenant = (req as VendorRequest).tenant
  if (tenant?.user?.role === "owner" || tenant?.actor?.type === "union_admin") return next()
  if (typeof req.query?.record_id === "string" && req.query.record_id) return next()
  next(new CoopstallError(403, "owner_only", "Only the cooperative's owner can read its activity list."))
}

export const activityMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/vendor/activity", middlewares: [ownerOrUnion, validateQuery(ListActivityQuery)] },
]
