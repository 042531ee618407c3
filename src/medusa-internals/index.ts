import type { SqlRunner } from "./catalog-change-log-tables"
import { medusaVersion } from "./shape"

// Every place where coopstall touches Medusa beyond its public exports, in one list. Each touch
// point says what it touches and who relies on it, and checks that the shape is still there. The
// start-up loader (./startup) runs every check before the server serves, and refuses to start,
// naming the Medusa version and the touch point, when one fails; the contract tests
// (integration-tests/unit/medusa-internals.spec.ts) run the same checks against the installed
// Medusa. docs/architecture/medusa-internals.md lists them for people.
//
// Each touch point's file is required only when its check runs: a file that cannot even be loaded
// after an upgrade (a deep path gone) is then reported like any other missing shape, with the
// version, instead of as a bare "Cannot find module" from wherever it was first imported.

type Files = {
  "./core-flows": typeof import("./core-flows")
  "./publishable-key-cache": typeof import("./publishable-key-cache")
  "./postgres-search": typeof import("./postgres-search")
  "./catalog-change-log-tables": typeof import("./catalog-change-log-tables")
  "./inert-static": typeof import("./inert-static")
  "./medusa-routes": typeof import("./medusa-routes")
  "./module-hooks": typeof import("./module-hooks")
}
function load<F extends keyof Files>(file: F): Files[F] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose: loaded when its check runs (see above)
  return require(file) as Files[F]
}
const catalogTables = () => load("./catalog-change-log-tables")
const routes = () => load("./medusa-routes")

export type TouchPoint = {
  name: string
  /** What of Medusa's it touches. */
  touches: string
  /** Our files that rely on it. */
  usedBy: string[]
  /** Problems with the shape in the installed Medusa (empty when it is there). */
  check(): string[]
  /** Checks that need the database (tables, columns), run at start-up after the connection is up. */
  checkDatabase?(db: SqlRunner): Promise<string[]>
}

export const MEDUSA_TOUCH_POINTS: readonly TouchPoint[] = [
  {
    name: "core-flows-internals",
    touches: "@medusajs/core-flows dist/cart/utils/{fields,prepare-line-item-data}.js and dist/promotion/steps/register-usage.js, loaded by file path",
    usedBy: ["src/workflows/checkout/complete-cooperative-cart.ts"],
    check: () => load("./core-flows").checkCoreFlowsInternals(),
  },
  {
    name: "publishable-key-cache",
    touches: "@medusajs/framework dist/http/middlewares/ensure-publishable-api-key.js: ensurePublishableApiKeyMiddleware replaced on its module before the router mounts /store",
    usedBy: ["src/api/middlewares.ts", "src/medusa-internals/publishable-key-cache.ts"],
    check: () => load("./publishable-key-cache").checkPublishableKeyCache(),
  },
  {
    name: "postgres-search-subclass",
    touches: "@medusajs/search-postgres dist/services/postgres-search.js: PostgresSearchService subclassed, protected methods and QueryParts fields overridden",
    usedBy: ["src/modules/search-postgres-vi/service.ts"],
    check: () => load("./postgres-search").checkPostgresSearch(),
  },
  {
    name: "catalog-change-log",
    touches: "Medusa's tables (product, price, inventory_level, links…): statement triggers chosen by table name",
    usedBy: ["src/medusa-internals/catalog-change-log.ts", "src/api/store/product-answer-cache.ts"],
    check: () => catalogTables().checkCatalogTableNames(),
    checkDatabase: (db) => catalogTables().checkCatalogTablesExist(db),
  },
  {
    name: "inert-static",
    touches: "@medusajs/framework dist/http/express-loader.js: the /static server, created through a wrapped express.static",
    usedBy: ["medusa-config.ts", "src/medusa-internals/inert-static.ts", "src/api/vendor/uploads/route.ts"],
    check: () => load("./inert-static").checkInertStatic(),
  },
  {
    name: "medusa-route-modules",
    touches: "@medusajs/medusa api/store/carts/helpers (refetchCart), api/store/carts/[id]/complete/route (POST), api/store/orders/query-config, api/store/search/validators (StoreSearch)",
    usedBy: ["src/api/store/carts/[id]/complete/route.ts", "src/api/store/search/middlewares.ts"],
    check: () => routes().checkMedusaRouteImports(),
  },
  {
    name: "medusa-routes-wrapped",
    touches: "@medusajs/medusa dist/api/**/route.js: routes we replace (same path) or run middlewares in front of, with the answer keys we read",
    usedBy: ["src/api/store/middlewares.ts", "src/api/store/carts/[id]/complete/route.ts", "src/api/store/orders", "src/api/admin/payments/middlewares.ts", "src/api/auth/middlewares.ts", "src/api/store/search/middlewares.ts"],
    check: () => routes().checkMedusaRoutes(),
  },
  {
    name: "allowed-fields",
    touches: "@medusajs/framework validateAndTransformQuery consuming req.allowed, and RoutesSorter running method-less middlewares first",
    usedBy: ["src/api/store/sold-by.ts", "src/api/store/middlewares.ts"],
    check: () => routes().checkAllowedFieldsContract(),
  },
  {
    name: "module-lifecycle-hooks",
    touches: "@medusajs/framework/modules-sdk MedusaModule calling a service's __hooks.onApplicationPrepareShutdown",
    usedBy: ["src/modules/traceability/service.ts"],
    check: () => load("./module-hooks").checkModuleHooks(),
  },
]

export class MedusaInternalsError extends Error {
  constructor(
    readonly medusaVersion: string,
    readonly failures: { touchPoint: string; problems: string[] }[]
  ) {
    super(
      `Medusa ${medusaVersion} does not have the internals coopstall was written against ` +
        `(src/medusa-internals, docs/architecture/medusa-internals.md):\n` +
        failures.map((f) => `- ${f.touchPoint}: ${f.problems.join("; ")}`).join("\n")
    )
    this.name = "MedusaInternalsError"
  }
}

function fail(results: { touchPoint: string; problems: string[] }[]) {
  const failures = results.filter((r) => r.problems.length)
  if (failures.length) throw new MedusaInternalsError(medusaVersion(), failures)
}

/** Runs every code-shape check; throws MedusaInternalsError naming the Medusa version and each failing touch point. */
export function assertMedusaInternals(points: readonly TouchPoint[] = MEDUSA_TOUCH_POINTS): void {
  fail(points.map((p) => ({ touchPoint: p.name, problems: safely(() => p.check()) })))
}

/** Runs every database check (tables and columns of Medusa's that we use by name). */
export async function assertMedusaTables(db: SqlRunner, points: readonly TouchPoint[] = MEDUSA_TOUCH_POINTS): Promise<void> {
  const results = await Promise.all(
    points
      .filter((p) => p.checkDatabase)
      .map(async (p) => ({ touchPoint: p.name, problems: await p.checkDatabase!(db).catch((err: Error) => [err.message]) }))
  )
  fail(results)
}

function safely(run: () => string[]): string[] {
  try {
    return run()
  } catch (err) {
    return [(err as Error).message]
  }
}

export { medusaVersion }
