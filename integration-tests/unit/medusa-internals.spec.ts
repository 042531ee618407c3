import fs from "fs"
import path from "path"
import {
  assertMedusaInternals,
  assertMedusaTables,
  MEDUSA_TOUCH_POINTS,
  MedusaInternalsError,
  medusaVersion,
  type TouchPoint,
} from "../../src/medusa-internals"
import { checkCatalogTablesExist, MEDUSA_CATALOG_TABLES, type SqlRunner } from "../../src/medusa-internals/catalog-change-log-tables"
import { expectFunction, expectMentions, loadPackageFile, packageVersion } from "../../src/medusa-internals/shape"
import { checkMedusaInternalsAtStartup } from "../../src/medusa-internals/startup"

// Contract tests of the Medusa fence (src/medusa-internals, docs/architecture/medusa-internals.md):
// one test per touch point against the installed Medusa, so an upgrade that moves something we
// rely on fails here with the touch point's name, and tests that the start-up check refuses to
// start on a missing shape with the Medusa version in its message. Nothing is faked but the
// broken shapes and, for the table check, the database answer (the HTTP specs run the real table
// check, since every app boot runs the start-up loader against the migrated test database).

const point = (name: string): TouchPoint => {
  const found = MEDUSA_TOUCH_POINTS.find((p) => p.name === name)
  if (!found) throw new Error(`no touch point ${name}`)
  return found
}

const INSTALLED = JSON.parse(fs.readFileSync(path.join(__dirname, "../../node_modules/@medusajs/framework/package.json"), "utf8")).version as string

describe("Medusa touch points (contract against the installed Medusa)", () => {
  it("names the Medusa version from @medusajs/framework's package.json", () => {
    expect(medusaVersion()).toBe(INSTALLED)
    expect(INSTALLED).toMatch(/^\d+\.\d+\.\d+/)
  })

  it("lists every touch point once, each saying what it touches and who uses it", () => {
    const names = MEDUSA_TOUCH_POINTS.map((p) => p.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual([
      "core-flows-internals",
      "publishable-key-cache",
      "postgres-search-subclass",
      "catalog-change-log",
      "inert-static",
      "medusa-route-modules",
      "medusa-routes-wrapped",
      "allowed-fields",
      "module-lifecycle-hooks",
    ])
    for (const p of MEDUSA_TOUCH_POINTS) {
      expect(p.touches.length).toBeGreaterThan(10)
      expect(p.usedBy.length).toBeGreaterThan(0)
      for (const file of p.usedBy) expect(fs.existsSync(path.join(__dirname, "../..", file.split(" ")[0]))).toBe(true)
    }
  })

  it("core-flows-internals: the cart → order helpers exist by file path with their arities", () => {
    expect(point("core-flows-internals").check()).toEqual([])
    const internals = require("../../src/medusa-internals/core-flows") as typeof import("../../src/medusa-internals/core-flows")
    expect(internals.completeCartFields).toEqual(expect.arrayContaining(["items.*", "shipping_methods.*", "region.*"]))
    expect(internals.prepareTaxLinesData([{ code: "VAT", rate: 8, tax_rate_id: "txr_1", description: "VAT", provider_id: "system" } as never])).toEqual([
      expect.objectContaining({ code: "VAT", rate: 8, tax_rate_id: "txr_1" }),
    ])
    expect(internals.prepareAdjustmentsData([{ code: "X", amount: 10, promotion_id: "promo_1" } as never])).toEqual([
      expect.objectContaining({ code: "X", amount: 10, promotion_id: "promo_1" }),
    ])
    expect(typeof internals.registerUsageStep).toBe("function")
  })

  it("publishable-key-cache: Medusa's middleware is replaceable on its module and read from it by the router", () => {
    expect(point("publishable-key-cache").check()).toEqual([])
    const cache = require("../../src/medusa-internals/publishable-key-cache") as typeof import("../../src/medusa-internals/publishable-key-cache")
    const file = loadPackageFile("@medusajs/framework", "dist/http/middlewares/ensure-publishable-api-key.js").module!
    const before = file.ensurePublishableApiKeyMiddleware
    cache.installPublishableKeyCache()
    expect(cache.publishableKeyCacheInstalled()).toBe(true)
    expect(file.ensurePublishableApiKeyMiddleware).not.toBe(before)
    // The check still holds once installed (it reads Medusa's original, not our wrapper).
    expect(point("publishable-key-cache").check()).toEqual([])
  })

  it("postgres-search-subclass: the class, its protected methods and QueryParts fields are there, pinned to Medusa's version", () => {
    expect(point("postgres-search-subclass").check()).toEqual([])
    expect(packageVersion("@medusajs/search-postgres")).toBe(INSTALLED)
    const declared = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")).dependencies
    expect(declared["@medusajs/search-postgres"]).toBe(declared["@medusajs/framework"])
    const { VietnamesePostgresSearchService } = require("../../src/modules/search-postgres-vi/service")
    const { PostgresSearchService } = require("../../src/medusa-internals/postgres-search")
    expect(Object.getPrototypeOf(VietnamesePostgresSearchService)).toBe(PostgresSearchService)
  })

  it("catalog-change-log: every table a product answer is read from is watched, and missing tables are reported", async () => {
    expect(point("catalog-change-log").check()).toEqual([])
    expect(MEDUSA_CATALOG_TABLES).toEqual(expect.arrayContaining(["product", "product_variant", "price", "inventory_level"]))
    const allThere: SqlRunner = { raw: async () => ({ rows: MEDUSA_CATALOG_TABLES.map((name) => ({ name })) }) }
    expect(await checkCatalogTablesExist(allThere)).toEqual([])
    const noPrice: SqlRunner = { raw: async () => ({ rows: MEDUSA_CATALOG_TABLES.filter((t) => t !== "price").map((name) => ({ name })) }) }
    expect(await checkCatalogTablesExist(noPrice)).toEqual([expect.stringContaining('table "price" is missing')])
  })

  it("inert-static: Medusa mounts /static through the express.static we wrap", () => {
    expect(point("inert-static").check()).toEqual([])
    // medusa-config.ts installs the wrapper before the start-up check runs: the check still holds.
    const { installInertStatic } = require("../../src/medusa-internals/inert-static")
    installInertStatic()
    expect(point("inert-static").check()).toEqual([])
  })

  it("medusa-route-modules: the helpers and validators imported from Medusa's route files are there", () => {
    expect(point("medusa-route-modules").check()).toEqual([])
  })

  it("medusa-routes-wrapped: every Medusa route we replace or wrap exists with its methods and answer keys", () => {
    expect(point("medusa-routes-wrapped").check()).toEqual([])
    const { INTERCEPTED_ROUTES, OVERRIDDEN_ROUTES } = require("../../src/medusa-internals/medusa-routes")
    // Our replacements sit at the very paths of Medusa's routes.
    for (const route of OVERRIDDEN_ROUTES) expect(fs.existsSync(path.join(__dirname, "../../src/api", route.path, "route.ts"))).toBe(true)
    expect(INTERCEPTED_ROUTES.map((r: { path: string }) => r.path)).toContain("admin/payments/[id]/refund")
  })

  it("allowed-fields: validateAndTransformQuery consumes req.allowed and method-less middlewares sort first", () => {
    expect(point("allowed-fields").check()).toEqual([])
  })

  it("module-lifecycle-hooks: Medusa calls a module service's __hooks", () => {
    expect(point("module-lifecycle-hooks").check()).toEqual([])
  })

  it("the probes notice a wrong arity, a missing function and a renamed field", () => {
    expect(expectFunction({ f: (_a: number, _b: number) => 0 }, "f", 1, "x")).toEqual(["x.f takes 2 parameters, expected 1"])
    expect(expectFunction({}, "f", 1, "x")).toEqual(["x.f is not a function (found undefined)"])
    expect(expectMentions(function g(req: { allowed: string[] }) { return req.allowed }, ["req.allowed", "req.disallowed"], "g")).toEqual(["g no longer mentions `req.disallowed`"])
    expect(loadPackageFile("@medusajs/core-flows", "dist/no/such/file.js").problem).toMatch(/does not exist/)
  })
})

describe("the start-up check", () => {
  const broken: TouchPoint = {
    name: "broken-example",
    touches: "a function Medusa no longer has",
    usedBy: ["integration-tests/unit/medusa-internals.spec.ts"],
    check: () => expectFunction({}, "prepareLineItemData", 1, "dist/cart/utils/prepare-line-item-data.js"),
  }

  it("passes on the installed Medusa", async () => {
    expect(() => assertMedusaInternals()).not.toThrow()
    const allThere: SqlRunner = { raw: async () => ({ rows: MEDUSA_CATALOG_TABLES.map((name) => ({ name })) }) }
    await expect(checkMedusaInternalsAtStartup(allThere)).resolves.toBeUndefined()
  })

  it("throws on a missing shape, naming the Medusa version and the touch point", async () => {
    let thrown: unknown
    try {
      assertMedusaInternals([...MEDUSA_TOUCH_POINTS, broken])
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(MedusaInternalsError)
    const message = (thrown as Error).message
    expect(message).toContain(`Medusa ${INSTALLED}`)
    expect(message).toContain("broken-example: dist/cart/utils/prepare-line-item-data.js.prepareLineItemData is not a function")
    // Only the broken one is listed.
    expect(message.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(1)
    await expect(checkMedusaInternalsAtStartup(undefined, [broken])).rejects.toThrow(`Medusa ${INSTALLED}`)
  })

  it("reports a touch point whose file cannot even be loaded as a missing shape too", () => {
    const gone: TouchPoint = { ...broken, name: "deep-path-gone", check: () => [require("@medusajs/core-flows/dist/cart/utils/gone.js")] }
    expect(() => assertMedusaInternals([gone])).toThrow(new RegExp(`Medusa ${INSTALLED.replace(/\./g, "\\.")}[^]*deep-path-gone: Cannot find module`))
  })

  it("throws when a table the catalog change log relies on is missing, naming the version", async () => {
    const noInventory: SqlRunner = { raw: async () => ({ rows: MEDUSA_CATALOG_TABLES.filter((t) => t !== "inventory_level").map((name) => ({ name })) }) }
    await expect(assertMedusaTables(noInventory)).rejects.toThrow(`Medusa ${INSTALLED}`)
    await expect(checkMedusaInternalsAtStartup(noInventory)).rejects.toThrow(/catalog-change-log: table "inventory_level" is missing/)
  })
})

describe("the fence holds", () => {
  // Every touch of Medusa beyond its public exports lives in src/medusa-internals: a deep import,
  // a require.resolve of a Medusa package or an import of a Medusa route module anywhere else fails here.
  const root = path.join(__dirname, "../../src")
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|tsx)$/.test(entry.name)) files.push(full)
    }
  }
  walk(root)

  it("no file outside src/medusa-internals reaches into Medusa's build output or route modules", () => {
    const outside = files.filter((f) => !f.startsWith(path.join(root, "medusa-internals") + path.sep))
    const offenders = outside.filter((f) => {
      const text = fs.readFileSync(f, "utf8")
      return /["']@medusajs\/[a-z-]+\/dist\//.test(text) || /["']@medusajs\/medusa\/api\//.test(text) || /require\.resolve\(["']@medusajs\//.test(text)
    })
    expect(offenders.map((f) => path.relative(root, f))).toEqual([])
  })
})
