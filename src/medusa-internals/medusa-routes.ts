import { POST as medusaCompleteCart } from "@medusajs/medusa/api/store/carts/[id]/complete/route"
import { refetchCart } from "@medusajs/medusa/api/store/carts/helpers"
import { retrieveTransformQueryConfig as storeOrderRetrieveQueryConfig } from "@medusajs/medusa/api/store/orders/query-config"
import { StoreSearch } from "@medusajs/medusa/api/store/search/validators"
import { expectFunction, expectMentions, loadPackageFile, packageFileText, probe } from "./shape"

// Medusa's HTTP layer as we lean on it beyond the documented API: its route modules (reachable
// through @medusajs/medusa's `./api/*` export, but files of its own implementation, not an API),
// the routes we replace with a file at the same path, and the routes our middlewares wrap or
// short-circuit (reading Medusa's answer in res.json, rewriting its body, adding to req.allowed).
// Each table below is checked at start-up against the installed @medusajs/medusa.

/** Helpers and validators imported from Medusa's route modules. */
export { medusaCompleteCart, refetchCart, storeOrderRetrieveQueryConfig, StoreSearch }

const MEDUSA = "@medusajs/medusa"
const API = "dist/api"

type Method = "GET" | "POST" | "DELETE"
type SortableRoute = { matcher: string; methods?: Method[]; handler: string }
/** A Medusa route file, its methods, and the answer keys its handlers send (what our middlewares read). */
type MedusaRoute = { path: string; methods: Method[]; answers?: string[]; usedBy: string }

/** Routes we replace with our own route.ts at the same path (ours must keep the answer's shape). */
export const OVERRIDDEN_ROUTES: MedusaRoute[] = [
  { path: "store/carts/[id]/complete", methods: ["POST"], answers: ["order", "cart", "type"], usedBy: "src/api/store/carts/[id]/complete/route.ts" },
  { path: "store/orders", methods: ["GET"], answers: ["orders"], usedBy: "src/api/store/orders/route.ts" },
  { path: "store/orders/[id]", methods: ["GET"], answers: ["order"], usedBy: "src/api/store/orders/[id]/route.ts" },
]

/** Medusa routes our middlewares run in front of (src/api/**\/middlewares.ts), with what they read of them. */
export const INTERCEPTED_ROUTES: MedusaRoute[] = [
  { path: "store/products", methods: ["GET"], answers: ["products"], usedBy: "src/api/store/middlewares.ts (answer cache, quality filter, sold-by)" },
  { path: "store/products/[id]", methods: ["GET"], answers: ["product"], usedBy: "src/api/store/middlewares.ts (answer cache, quality, sold-by)" },
  { path: "store/carts/[id]", methods: ["GET", "POST"], answers: ["cart"], usedBy: "src/api/store/middlewares.ts (sold-by, union shipping shown as one method)" },
  { path: "store/carts/[id]/line-items/[line_id]", methods: ["POST", "DELETE"], usedBy: "src/api/store/cart-line-item.ts" },
  { path: "store/carts/[id]/shipping-methods", methods: ["POST"], usedBy: "src/api/store/union-shipping/middlewares.ts (body rewritten)" },
  { path: "store/shipping-options", methods: ["GET"], answers: ["shipping_options"], usedBy: "src/api/store/union-shipping/middlewares.ts" },
  { path: "store/shipping-options/[id]/calculate", methods: ["POST"], answers: ["shipping_option"], usedBy: "src/api/store/union-shipping/middlewares.ts" },
  { path: "store/search", methods: ["POST"], usedBy: "src/api/store/search/middlewares.ts" },
  { path: "admin/payments/[id]/refund", methods: ["POST"], answers: ["payment"], usedBy: "src/api/admin/payments/middlewares.ts (purchase refunds)" },
  { path: "auth/[actor_type]/[auth_provider]", methods: ["GET", "POST"], usedBy: "src/api/auth/middlewares.ts (sign-in limits)" },
  { path: "auth/[actor_type]/[auth_provider]/register", methods: ["POST"], usedBy: "src/api/auth/middlewares.ts" },
  { path: "auth/[actor_type]/[auth_provider]/reset-password", methods: ["POST"], usedBy: "src/api/auth/middlewares.ts" },
]

function checkRoute(route: MedusaRoute): string[] {
  const file = `${API}/${route.path}/route.js`
  const m = loadPackageFile(MEDUSA, file)
  if (!m.module) return [`${m.problem} (used by ${route.usedBy})`]
  const problems: string[] = []
  for (const method of route.methods) problems.push(...expectFunction(m.module, method, null, file))
  if (route.answers?.length) {
    // The handlers may answer from helpers of the same file (the product listing does), so the file is read.
    const { text, problem } = packageFileText(MEDUSA, file)
    if (problem) problems.push(problem)
    for (const key of route.answers) {
      if (text && !new RegExp(`\\.json\\(\\{[^}]*\\b${key}\\b`).test(text)) problems.push(`${file} no longer answers with \`${key}\` (read by ${route.usedBy})`)
    }
  }
  return problems
}

/** Every intercepted or replaced route still exists with its methods and answer keys. */
export function checkMedusaRoutes(): string[] {
  return probe(() => [...OVERRIDDEN_ROUTES, ...INTERCEPTED_ROUTES].flatMap(checkRoute))
}

/** The route-module imports above still export what we take from them. */
export function checkMedusaRouteImports(): string[] {
  return probe(() => {
    const problems: string[] = []
    problems.push(...expectFunction({ refetchCart }, "refetchCart", 3, `${MEDUSA}/api/store/carts/helpers`))
    problems.push(...expectFunction({ POST: medusaCompleteCart }, "POST", 2, `${MEDUSA}/api/store/carts/[id]/complete/route`))
    if (!Array.isArray(storeOrderRetrieveQueryConfig?.defaults)) problems.push(`${MEDUSA}/api/store/orders/query-config: retrieveTransformQueryConfig.defaults is not a field list`)
    if (typeof (StoreSearch as { safeParse?: unknown })?.safeParse !== "function") problems.push(`${MEDUSA}/api/store/search/validators: StoreSearch is not a zod schema`)
    return problems
  })
}

/**
 * `req.allowed`: a middleware of ours adds fields to it (sold-by, purchase fields) and Medusa's
 * validateAndTransformQuery, mounted on the route after ours because our matchers carry no method,
 * merges it into the fields a client may ask for and then empties it. The router must still sort
 * method-less project middlewares ahead of route middlewares for that to hold.
 */
export function checkAllowedFieldsContract(): string[] {
  return probe(() => {
    const problems: string[] = []
    const file = "dist/http/utils/validate-query.js"
    const m = loadPackageFile("@medusajs/framework", file)
    if (!m.module) return [m.problem!]
    problems.push(...expectFunction(m.module, "validateAndTransformQuery", 2, file))
    problems.push(...expectMentions(m.module.validateAndTransformQuery, ["req.allowed", "queryConfig"], `${file}: validateAndTransformQuery`))
    // Asked of Medusa's own sorter: a method-less middleware and a GET one on the same path.
    const sorterFile = "dist/http/routes-sorter.js"
    const sorter = loadPackageFile("@medusajs/framework", sorterFile)
    if (!sorter.module) return [...problems, sorter.problem!]
    const RoutesSorter = sorter.module.RoutesSorter as (new (routes: SortableRoute[]) => { sort(): SortableRoute[] }) | undefined
    if (typeof RoutesSorter !== "function") return [...problems, `${sorterFile} no longer exports RoutesSorter`]
    const sorted = new RoutesSorter([
      { matcher: "/store/products", methods: ["GET"], handler: "medusa" },
      { matcher: "/store/products", handler: "ours" },
    ]).sort()
    if (sorted.map((r) => r.handler).join(",") !== "ours,medusa") {
      problems.push(`${sorterFile}: a method-less middleware no longer runs before a route's own middlewares on the same path`)
    }
    return problems
  })
}
