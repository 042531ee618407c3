import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { httpStatusOf } from "../../src/lib/errors"
import { assertEveryVendorRouteIsListed, matchVendorRoute, routeFileMatchers, VENDOR_ROUTES } from "../../src/api/vendor/access"

const outcome = (method: string, p: string) => {
  const m = matchVendorRoute(method, p)
  return m.ok ? `${m.route.method} ${m.route.matcher}` : `${httpStatusOf(m.error)} ${m.error.code}`
}

describe("the vendor route table", () => {
  it("lets through only exact spellings of its routes", () => {
    expect(outcome("GET", "/vendor/products/prod_1")).toBe("GET /vendor/products/:id")
    expect(outcome("HEAD", "/vendor/products/prod_1")).toBe("GET /vendor/products/:id")
    expect(outcome("POST", "/vendor/products/prod_1/variants/variant_1")).toBe("POST /vendor/products/:id/variants/:variant_id")
    expect(outcome("GET", "/vendor/products/%70rod_1")).toBe("GET /vendor/products/:id")
    expect(outcome("POST", "/vendor/invites/accept")).toBe("POST /vendor/invites/accept")
    expect(outcome("GET", "/vendor/ledger/export.csv")).toBe("GET /vendor/ledger/export.csv")
    for (const spelling of [
      "/vendor/Products/prod_1", "/vendor/PRODUCTS/prod_1", "/VENDOR/products/prod_1", "/vendor/products/prod_1/", "/vendor//products/prod_1",
      "/vendor/products//prod_1", "/vendor/%70roducts/prod_1", "/vendor/products%2Fprod_1", "/vendor/./products/prod_1", "/vendor/x/../products/prod_1",
      "/vendor/products/..", "/vendor/products/%2e%2e", "/vendor/products/.", "/vendor/products/a%2Fb", "/vendor/products/a%5Cb", "/vendor/secrets",
      "/vendor/products/prod_1/variants/", "/vendor", "/vendor/", "http://evil/vendor/products/prod_1",
    ]) {
      expect({ spelling, outcome: outcome("GET", spelling) }).toEqual({ spelling, outcome: "404 route_not_found" })
    }
    expect(outcome("DELETE", "/vendor/orders/order_1")).toBe("405 method_not_allowed")
    expect(outcome("PUT", "/vendor/products/prod_1")).toBe("405 method_not_allowed")
    expect(outcome("GET", "/vendor/products/%E0%A4%A")).toBe("400 invalid_request")
    expect(outcome("GET", "/vendor/products/a%00b")).toBe("400 invalid_request")
  })

  it("names a resource kind for every parameter of every route", () => {
    for (const r of VENDOR_ROUTES) {
      const params = r.matcher.split("/").filter((s) => s.startsWith(":")).map((s) => s.slice(1))
      expect({ route: r.matcher, params: r.params.map(([name]) => name) }).toEqual({ route: r.matcher, params })
    }
  })

  it("refuses to start when a route file is not in the table", () => {
    const root = path.join(__dirname, "../../src/api/vendor")
    expect(() => assertEveryVendorRouteIsListed(root)).not.toThrow()
    expect(routeFileMatchers(root)).toContain("/vendor/products/:id/variants/:variant_id")
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "vendor-routes-"))
    fs.mkdirSync(path.join(copy, "bank-statements", "[id]"), { recursive: true })
    fs.writeFileSync(path.join(copy, "bank-statements", "[id]", "route.ts"), "export const DELETE = () => {}\n")
    expect(() => assertEveryVendorRouteIsListed(copy)).toThrow(/\/vendor\/bank-statements\/:id/)
    fs.rmSync(copy, { recursive: true })
  })
})
