import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes, notFound } from "../../lib/errors"
import { cooperativeUserIdOf, unionActingOf, UNION_ACTING_CLAIM } from "../../modules/cooperative/vendor-actor"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { type Capability, matchVendorRoute, RESOURCES, statusAllows, statusRefusal, VENDOR_ROUTES, VendorRoute } from "./access"
import { actingTenant } from "./union-acting"

/** Who is acting, as the activity list names them: the cooperative's own staff or a union admin acting for it. */
export type TenantActor = { type: "cooperative_user" | "union_admin"; id: string; email: string }

/** The caller's cooperative and its account (rows of the cooperative module). */
export type TenantContext = {
  cooperative: any
  /** The cooperative user; for a union admin acting, a stand-in with the admin's id and email and role "union_admin". */
  user: any
  actor: TenantActor
}

/** A vendor request after the tenant middleware: the caller's cooperative and account, resolved once. */
export type VendorRequest<Body = unknown> = MedusaRequest<Body> & { tenant: TenantContext }

/**
 * The single place where a /vendor request learns whose it is. Runs after Medusa's
 * `authenticate("vendor", …)`: refuses any path that does not spell a route of the table in
 * ./access.ts exactly, resolves the caller's cooperative user and cooperative, lets a
 * not-yet-joined sign-in reach only the onboarding routes, and refuses what the cooperative's
 * status does not allow. Ownership of the ids in the path is checked per route (below), on the
 * parameters the router matched.
 */
export async function resolveTenant(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const match = matchVendorRoute(req.method, req.originalUrl.split("?")[0])
  if (!match.ok) return next(match.error)
  const { capability } = match.route
  const authContext = (req as AuthenticatedMedusaRequest).auth_context
  if (authContext && (authContext as unknown as Record<string, unknown>)[UNION_ACTING_CLAIM] !== undefined) {
    // A union admin acting for a managed cooperative: scoped to that one cooperative, and only while
    // the union still manages it (./union-acting.ts); otherwise the same status rules as its staff.
    const acting = await actingTenant(req.scope, unionActingOf(authContext), authContext, capability)
    if (!acting.ok) return next(acting.error)
    ;(req as VendorRequest).tenant = acting.tenant
    if (!statusAllows(acting.tenant.cooperative.status, capability as Capability)) {
      return next(new CoopstallError(403, "cooperative_status_forbids", statusRefusal(acting.tenant.cooperative, capability as Capability)))
    }
    return next()
  }
  const userId = cooperativeUserIdOf(authContext)

  if (capability === "join") {
    if (!userId) return next()
    return next(new CoopstallError(ErrorTypes.CONFLICT, "already_member", "This account already belongs to a cooperative."))
  }
  if (!userId) {
    return next(
      new CoopstallError(
        ErrorTypes.FORBIDDEN,
        "not_a_cooperative_member",
        "This sign-in does not belong to a cooperative yet: create one (POST /vendor/cooperatives) or accept an invite, then sign in again."
      )
    )
  }

  const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  const [user] = await service.listCooperativeUsers({ id: userId }, { relations: ["cooperative"] })
  if (!user?.cooperative) {
    return next(new CoopstallError(ErrorTypes.UNAUTHORIZED, "unknown_cooperative_user", "This cooperative account no longer exists."))
  }
  ;(req as VendorRequest).tenant = { cooperative: user.cooperative, user, actor: { type: "cooperative_user", id: user.id, email: user.email } }

  if (!statusAllows(user.cooperative.status, capability)) {
    return next(new CoopstallError(ErrorTypes.FORBIDDEN, "cooperative_status_forbids", statusRefusal(user.cooperative, capability)))
  }
  next()
}

/**
 * Checks every id of the route, as the router parsed it into `req.params` (the values its handler
 * reads), against the caller's cooperative. A foreign id and an unknown id get the same 404, so ids
 * of other cooperatives reveal nothing. Nested ids are checked together: a variant must belong to
 * the product in the same path, a trace event to the lot, a fulfilment to the order.
 */
function ownershipCheck(route: VendorRoute) {
  return async function checkOwnership(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const cooperativeId = (req as VendorRequest).tenant?.cooperative?.id
    let parentId: string | undefined
    for (const [name, kind] of route.params) {
      const id = req.params?.[name]
      const resource = RESOURCES[kind]
      if (!cooperativeId || typeof id !== "string" || !id || !(await resource.owns(req.scope, cooperativeId, id, parentId))) {
        return next(notFound(resource.what))
      }
      parentId = id
    }
    next()
  }
}

/**
 * One route middleware per table route with parameters, registered with its method on its own
 * matcher so Express hands it the same `req.params` as the handler. These go before every other
 * route middleware, so nothing (validation included) runs on a foreign id.
 */
export const ownershipMiddlewares: MiddlewareRoute[] = VENDOR_ROUTES.filter((r) => r.params.length).map((r) => ({
  method: [r.method],
  matcher: r.matcher,
  middlewares: [ownershipCheck(r)],
}))

/** Only the cooperative's owners change its bank account or manage its users. */
export function requireOwner(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as VendorRequest).tenant?.user?.role !== "owner") {
    return next(new CoopstallError(ErrorTypes.FORBIDDEN, "owner_only", "Only the cooperative's owner can do this."))
  }
  next()
}
