import fs from "node:fs"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CoopstallError, malformedUrl, ErrorTypes } from "../../lib/errors"
import { ownedProductIds, ownedVariantProductId } from "../../workflows/cooperative/read/ownership"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import type { CooperativeStatus } from "../../modules/cooperative/status"
import { LEDGER_MODULE, LedgerModuleService } from "../../modules/ledger"
import { COOPERATIVE_RETURN_MODULE, type CooperativeReturnModuleService } from "../../modules/cooperative-return"
import { CHECKS, type CooperativeRecord } from "../../workflows/cooperative/steps/validate-cooperative-ownership"

// The one table of the /vendor surface: every route (method + matcher), what each of its path
// parameters names and how ownership of it is decided, and the capability the route exercises.
// The tenant middleware lets through only requests whose path spells one of these routes exactly,
// refuses capabilities the cooperative's status does not grant, and checks every parameter, as the
// router matched it (req.params), against the caller's cooperative. A route missing here is
// unreachable, and start-up refuses a route file that is not listed.

// ---------------------------------------------------------------------------------------------
// Capabilities and what each cooperative status grants

/** What staff do, in the words a refusal uses ("… is not allowed while the cooperative is …"). */
export const CAPABILITIES = {
  view_profile: "Reading the cooperative's own profile and status",
  read: "Reading the cooperative's products, stock, lots, evidence, orders, ledger, payouts, reviews and staff",
  edit_profile: "Editing the cooperative's profile or bank account",
  invite_staff: "Inviting staff",
  revoke_access: "Removing a staff account or revoking an invite",
  catalogue: "Changing products, variants, prices, stock or shipping options",
  evidence: "Uploading files or submitting OCOP ratings and certificates",
  trace: "Recording lots and their trace events",
  publish_trace: "Publishing a lot's public trace page",
  reply_reviews: "Replying to shoppers' reviews",
  handle_orders: "Packing, shipping, delivering or cancelling orders already placed",
} as const
export type Capability = keyof typeof CAPABILITIES

/** Routes a registered sign-in calls before it belongs to any cooperative; no status applies. */
export type RouteCapability = Capability | "join"

/**
 * Per status, what its staff may do. A pending cooperative prepares its stall (profile, staff,
 * products, evidence, lots) but nothing of it goes public: publishing a trace page and answering
 * shoppers wait for approval, and the union publishes products only for an approved cooperative.
 * A suspended one winds down: it reads everything, handles orders already placed and can lock out
 * staff, and changes nothing else. A rejected one reads its own profile, with the union's reason.
 */
export const STATUS_CAPABILITIES: Record<CooperativeStatus, readonly Capability[]> = {
  pending: ["view_profile", "read", "edit_profile", "invite_staff", "revoke_access", "catalogue", "evidence", "trace"],
  approved: Object.keys(CAPABILITIES) as Capability[],
  suspended: ["view_profile", "read", "revoke_access", "handle_orders"],
  rejected: ["view_profile"],
}

const WHY_NOT: Record<CooperativeStatus, string> = {
  pending: "the union has not approved it yet",
  approved: "",
  suspended: "the union suspended it; it can read its data, handle orders already placed and remove staff until it is reinstated",
  rejected: "the union rejected its registration; only its profile and the union's reason remain readable",
}

export const statusAllows = (status: string, capability: Capability) =>
  (STATUS_CAPABILITIES as Record<string, readonly Capability[]>)[status]?.includes(capability) ?? false

/** The sentence a refused request answers with: names the status, what was refused and why. */
export function statusRefusal(cooperative: { status: string; status_reason?: string | null }, capability: Capability): string {
  const why = WHY_NOT[cooperative.status as CooperativeStatus] ?? "its status grants nothing"
  const reason = cooperative.status_reason && cooperative.status !== "pending" ? ` (the union's reason: ${cooperative.status_reason})` : ""
  return `${CAPABILITIES[capability]} is not allowed while the cooperative is ${cooperative.status}: ${why}${reason}.`
}

// ---------------------------------------------------------------------------------------------
// What a path parameter names, and whether the caller's cooperative owns it

type Owns = (container: MedusaContainer, cooperativeId: string, id: string, parentId: string | undefined) => Promise<boolean>

const one = (rows: unknown[]) => rows.length === 1

/**
 * A kind whose ownership the workflows' first step also checks: the same question, asked once.
 * `parentKey` names the record's parent id, which a nested path gives as the parameter before it.
 */
function sameAsWorkflows(kind: CooperativeRecord["kind"], parentKey?: string) {
  const check = CHECKS[kind]
  const owns: Owns = async (c, coop, id, parentId) =>
    parentKey ? !!parentId && check.owns(c, coop, { id, [parentKey]: parentId }) : check.owns(c, coop, { id })
  return { what: check.what, owns }
}

/** Kinds of resource a /vendor path names. `parentId` is the value of the parameter before it in the path. */
export const RESOURCES = {
  product: { what: "Product", owns: (async (c, coop, id) => one(await ownedProductIds(c, coop, [id]))) as Owns },
  // A variant of the product named before it in the path (the workflows ask only "is it ours").
  variant: { what: "Variant", owns: (async (c, coop, id, productId) => (await ownedVariantProductId(c, coop, id)) === productId) as Owns },
  inventory_item: sameAsWorkflows("inventory_item"),
  user: sameAsWorkflows("cooperative_user"),
  invite: {
    what: "Invite",
    owns: (async (c, coop, id) => one(await (c.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperativeInvites({ id, cooperative_id: coop }, { select: ["id"] }))) as Owns,
  },
  ocop_rating: sameAsWorkflows("ocop_rating"),
  certificate: sameAsWorkflows("certificate"),
  lot: sameAsWorkflows("lot"),
  trace_event: sameAsWorkflows("trace_event", "lot_id"),
  // Reviews of the cooperative and of its products; only published ones are ever shown to it.
  review: sameAsWorkflows("review"),
  order: sameAsWorkflows("order"),
  fulfillment: sameAsWorkflows("fulfillment", "order_id"),
  payout: {
    what: "Payout",
    owns: (async (c, coop, id) => one(await (c.resolve(LEDGER_MODULE) as LedgerModuleService).listPayouts({ id, cooperative_id: coop }, { select: ["id"] }))) as Owns,
  },
  shipping_option: sameAsWorkflows("shipping_option"),
  return: {
    what: "Return",
    owns: (async (c, coop, id) =>
      one(await (c.resolve(COOPERATIVE_RETURN_MODULE) as CooperativeReturnModuleService).listCooperativeReturns({ id, cooperative_id: coop }, { select: ["id"] }))) as Owns,
  },
} satisfies Record<string, { what: string; owns: Owns }>
export type ResourceKind = keyof typeof RESOURCES

// ---------------------------------------------------------------------------------------------
// The routes

export type HttpMethod = "GET" | "POST" | "DELETE"

export type VendorRoute = {
  method: HttpMethod
  /** Medusa/Express matcher, e.g. "/vendor/products/:id/variants/:variant_id". */
  matcher: string
  capability: RouteCapability
  /** Every `:param` of the matcher, in path order, with the kind of resource it names. */
  params: [name: string, kind: ResourceKind][]
  /** The matcher split on "/": a string is a static segment, spelled exactly; null is a parameter. */
  segments: (string | null)[]
}

function route(method: HttpMethod, matcher: string, capability: RouteCapability, kinds: Record<string, ResourceKind> = {}): VendorRoute {
  const names = matcher.split("/").filter((s) => s.startsWith(":")).map((s) => s.slice(1))
  const listed = Object.keys(kinds)
  if (names.join() !== listed.join()) {
    // Caught at start-up: a parameter without a rule would reach its handler unchecked.
    throw new Error(`Vendor route ${method} ${matcher}: name the resource kind of exactly its parameters [${names}] in order (got [${listed}]).`)
  }
  return {
    method,
    matcher,
    capability,
    params: names.map((n) => [n, kinds[n]]),
    segments: matcher.slice(1).split("/").map((s) => (s.startsWith(":") ? null : s)),
  }
}

export const VENDOR_ROUTES: VendorRoute[] = [
  route("POST", "/vendor/cooperatives", "join"),
  route("POST", "/vendor/invites/accept", "join"),

  route("GET", "/vendor/me", "view_profile"),
  route("GET", "/vendor/cooperative", "view_profile"),
  route("POST", "/vendor/cooperative", "edit_profile"),
  route("POST", "/vendor/cooperative/bank-account", "edit_profile"),

  route("GET", "/vendor/users", "read"),
  route("GET", "/vendor/users/:id", "read", { id: "user" }),
  route("DELETE", "/vendor/users/:id", "revoke_access", { id: "user" }),
  route("GET", "/vendor/invites", "read"),
  route("POST", "/vendor/invites", "invite_staff"),
  route("DELETE", "/vendor/invites/:id", "revoke_access", { id: "invite" }),

  route("GET", "/vendor/products", "read"),
  route("POST", "/vendor/products", "catalogue"),
  route("GET", "/vendor/products/:id", "read", { id: "product" }),
  route("POST", "/vendor/products/:id", "catalogue", { id: "product" }),
  route("DELETE", "/vendor/products/:id", "catalogue", { id: "product" }),
  route("POST", "/vendor/products/:id/variants", "catalogue", { id: "product" }),
  route("POST", "/vendor/products/:id/variants/:variant_id", "catalogue", { id: "product", variant_id: "variant" }),
  route("DELETE", "/vendor/products/:id/variants/:variant_id", "catalogue", { id: "product", variant_id: "variant" }),
  route("GET", "/vendor/inventory", "read"),
  route("POST", "/vendor/inventory/:inventory_item_id", "catalogue", { inventory_item_id: "inventory_item" }),
  route("GET", "/vendor/shipping-options", "read"),
  route("POST", "/vendor/shipping-options", "catalogue"),
  route("GET", "/vendor/shipping-options/:id", "read", { id: "shipping_option" }),
  route("POST", "/vendor/shipping-options/:id", "catalogue", { id: "shipping_option" }),
  route("DELETE", "/vendor/shipping-options/:id", "catalogue", { id: "shipping_option" }),

  route("POST", "/vendor/uploads", "evidence"),
  route("GET", "/vendor/ocop-ratings", "read"),
  route("POST", "/vendor/ocop-ratings", "evidence"),
  route("GET", "/vendor/ocop-ratings/:id", "read", { id: "ocop_rating" }),
  route("POST", "/vendor/ocop-ratings/:id", "evidence", { id: "ocop_rating" }),
  route("GET", "/vendor/certificates", "read"),
  route("POST", "/vendor/certificates", "evidence"),
  route("GET", "/vendor/certificates/:id", "read", { id: "certificate" }),
  route("POST", "/vendor/certificates/:id", "evidence", { id: "certificate" }),

  route("GET", "/vendor/lots", "read"),
  route("POST", "/vendor/lots", "trace"),
  route("GET", "/vendor/lots/:id", "read", { id: "lot" }),
  route("POST", "/vendor/lots/:id", "trace", { id: "lot" }),
  route("DELETE", "/vendor/lots/:id", "trace", { id: "lot" }),
  route("GET", "/vendor/lots/:id/qr", "read", { id: "lot" }),
  route("POST", "/vendor/lots/:id/publish", "publish_trace", { id: "lot" }),
  route("POST", "/vendor/lots/:id/events", "trace", { id: "lot" }),
  route("POST", "/vendor/lots/:id/events/:event_id", "trace", { id: "lot", event_id: "trace_event" }),
  route("DELETE", "/vendor/lots/:id/events/:event_id", "trace", { id: "lot", event_id: "trace_event" }),

  route("GET", "/vendor/reviews", "read"),
  route("POST", "/vendor/reviews/:id/reply", "reply_reviews", { id: "review" }),

  route("GET", "/vendor/orders", "read"),
  route("GET", "/vendor/orders/:id", "read", { id: "order" }),
  route("POST", "/vendor/orders/:id/cancel", "handle_orders", { id: "order" }),
  route("POST", "/vendor/orders/:id/fulfillments", "handle_orders", { id: "order" }),
  route("POST", "/vendor/orders/:id/fulfillments/:fulfillment_id/ship", "handle_orders", { id: "order", fulfillment_id: "fulfillment" }),
  route("POST", "/vendor/orders/:id/fulfillments/:fulfillment_id/deliver", "handle_orders", { id: "order", fulfillment_id: "fulfillment" }),
  route("POST", "/vendor/orders/:id/fulfillments/:fulfillment_id/cancel", "handle_orders", { id: "order", fulfillment_id: "fulfillment" }),
  route("POST", "/vendor/orders/:id/fulfillments/:fulfillment_id/fail-delivery", "handle_orders", { id: "order", fulfillment_id: "fulfillment" }),

  // Returns after delivery (docs/returns.md): answering and receiving them is handling orders.
  route("GET", "/vendor/returns", "read"),
  route("POST", "/vendor/returns/:id/accept", "handle_orders", { id: "return" }),
  route("POST", "/vendor/returns/:id/refuse", "handle_orders", { id: "return" }),
  route("POST", "/vendor/returns/:id/receive", "handle_orders", { id: "return" }),

  route("GET", "/vendor/ledger", "read"),
  route("GET", "/vendor/ledger/export.csv", "read"),
  route("GET", "/vendor/payouts", "read"),
  route("GET", "/vendor/payouts/:id", "read", { id: "payout" }),

  // Who did what in the stall (staff or a union admin acting for it); the owner's (./activity/middlewares.ts).
  route("GET", "/vendor/activity", "read"),
]

// ---------------------------------------------------------------------------------------------
// Matching a raw path against the table

export type RouteMatch = { ok: true; route: VendorRoute } | { ok: false; error: CoopstallError }

const refuse = (error: CoopstallError): RouteMatch => ({ ok: false, error })

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * The table route a request's raw path (before any decoding, without the query) spells exactly:
 * static segments byte for byte (so no other letter case, no %-encoded letters), no empty segment
 * (no trailing or doubled slash), and parameters that decode to neither a `/`, `.` nor `..`.
 * Whatever the router would have matched besides is refused here, before any handler.
 */
export function matchVendorRoute(method: string, rawPath: string): RouteMatch {
  const wanted = method === "HEAD" ? "GET" : method
  const segments = rawPath.slice(1).split("/")
  const notFound = refuse(
    new CoopstallError(
      ErrorTypes.NOT_FOUND,
      "route_not_found",
      "No vendor route has this address. Addresses are case-sensitive and take no trailing or doubled slash, no %-encoded letters or slashes, and no `.` or `..` segments."
    )
  )
  if (!rawPath.startsWith("/") || segments.some((s) => s === "")) return notFound

  const shaped = VENDOR_ROUTES.filter(
    (r) => r.segments.length === segments.length && r.segments.every((s, i) => s === null || s === segments[i])
  )
  if (!shaped.length) return notFound
  // Express tries static routes before parameterised ones; so does this, for the status check.
  const candidates = shaped.filter((r) => r.method === wanted).sort((a, b) => a.params.length - b.params.length)
  if (!candidates.length) {
    const allowed = [...new Set(shaped.map((r) => r.method))].join(", ")
    return refuse(new CoopstallError(ErrorTypes.METHOD_NOT_ALLOWED, "method_not_allowed", `This vendor address accepts ${allowed}, not ${method}.`))
  }
  const chosen = candidates[0]
  for (let i = 0; i < segments.length; i++) {
    if (chosen.segments[i] !== null) continue
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      return refuse(malformedUrl())
    }
    if (decoded.includes("/") || decoded.includes("\\") || decoded === "." || decoded === "..") return notFound
    if (CONTROL.test(decoded)) {
      return refuse(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "The address contains a control character.", [{ path: "url", message: "control character" }]))
    }
  }
  return { ok: true, route: chosen }
}

// ---------------------------------------------------------------------------------------------
// Start-up check: every route file under src/api/vendor is in the table, with the same parameters

/** Matchers of the route files under a directory, e.g. "/vendor/products/:id" for products/[id]/route.ts. */
export function routeFileMatchers(root = __dirname): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[cm]?[jt]s$/.test(entry.name)) {
        const relative = path.relative(root, dir).split(path.sep).filter(Boolean)
        found.push(["/vendor", ...relative.map((s) => s.replace(/^\[(.+)\]$/, ":$1"))].join("/"))
      }
    }
  }
  walk(root)
  return [...new Set(found)]
}

export function assertEveryVendorRouteIsListed(root = __dirname) {
  const listed = new Set(VENDOR_ROUTES.map((r) => r.matcher))
  const missing = routeFileMatchers(root).filter((m) => !listed.has(m))
  if (missing.length) {
    throw new Error(
      `Vendor routes without an entry in VENDOR_ROUTES (src/api/vendor/access.ts): ${missing.join(", ")}. ` +
        "List each method with its capability and the resource kind of each parameter; until then the route is unreachable."
    )
  }
}
