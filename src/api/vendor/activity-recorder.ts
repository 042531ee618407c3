import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { matchVendorRoute, type VendorRoute } from "./access"
import type { VendorRequest } from "./tenant"

// Every successful write through /vendor is recorded here, once, with who did it (the cooperative's
// staff or a union admin acting for it): no route records its own, so no route can forget to.

const READS = new Set(["GET", "HEAD", "OPTIONS"])

/** What a route without an id in its path writes, named by its first segment. */
const CREATED_KIND: Record<string, string> = {
  products: "product",
  lots: "lot",
  "shipping-options": "shipping_option",
  "ocop-ratings": "ocop_rating",
  certificates: "certificate",
  invites: "invite",
  uploads: "upload",
  cooperative: "cooperative",
}

/** The id of the record a write's answer carries: `{ product: { id } }`, `{ files: [{ id }] }`, … */
function createdId(body: unknown, kind: string | undefined): string | null {
  if (!body || typeof body !== "object") return null
  const values = kind && kind in body ? [(body as Record<string, unknown>)[kind]] : Object.values(body)
  for (const value of values) {
    const first = Array.isArray(value) ? value[0] : value
    if (first && typeof first === "object" && typeof (first as { id?: unknown }).id === "string") return (first as { id: string }).id
  }
  return null
}

/** The record a write was about: the first id of its path (with the nested one as detail), or what it created. */
export function recordOf(route: VendorRoute, rawPath: string, body: unknown, cooperativeId: string) {
  const segments = rawPath.slice(1).split("/")
  const ids = route.segments.flatMap((s, i) => (s === null ? [decodeURIComponent(segments[i])] : []))
  if (ids.length) {
    return { record_type: route.params[0][1] as string, record_id: ids[0], detail_id: ids.length > 1 ? ids[ids.length - 1] : null }
  }
  const kind = CREATED_KIND[route.segments[1] ?? ""]
  if (kind === "cooperative") return { record_type: kind, record_id: cooperativeId, detail_id: null }
  return { record_type: kind ?? null, record_id: createdId(body, kind), detail_id: null }
}

/**
 * Runs after the tenant is resolved. Watches the answer of a write: once the handler has answered
 * below 400, the activity row is written before the answer's last byte leaves, so a client that
 * reads the activity list after its write always finds the write there.
 */
export function recordActivity(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const tenant = (req as VendorRequest).tenant
  if (!tenant || READS.has(req.method)) return next()
  const rawPath = req.originalUrl.split("?")[0]
  const match = matchVendorRoute(req.method, rawPath)
  if (!match.ok) return next()

  let body: unknown
  const json = res.json.bind(res)
  res.json = (value: unknown) => {
    body = value
    return json(value)
  }
  const end = res.end.bind(res) as unknown as (...args: unknown[]) => MedusaResponse
  let recorded = false
  res.end = ((...args: unknown[]) => {
    if (recorded || res.statusCode >= 400) return end(...args)
    recorded = true
    const service: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
    service
      .createCooperativeActivities({
        cooperative_id: tenant.cooperative.id,
        actor_type: tenant.actor.type,
        actor_id: tenant.actor.id,
        actor_email: tenant.actor.email,
        action: `${match.route.method} ${match.route.matcher}`,
        ...recordOf(match.route, rawPath, body, tenant.cooperative.id),
      })
      .catch((err: unknown) => {
        // The write itself succeeded and stays; say loudly that its trace is missing.
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`cooperative activity not recorded for ${req.method} ${rawPath}: ${(err as Error)?.message}`)
      })
      .finally(() => end(...args))
    return res
  }) as unknown as MedusaResponse["end"]
  next()
}
