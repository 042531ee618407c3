import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CERTIFICATION_MODULE } from "../../src/modules/certification"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { REVIEW_MODULE } from "../../src/modules/review"
import { complete, readyCart, variantsBySku } from "../checkout"
import { bearer, call, demoVendorToken, seedMarketplace } from "../helpers"

jest.setTimeout(180_000)

type VendorRoute = { method: "GET" | "POST" | "DELETE"; template: string; params: string[] }

/** Every /vendor route, read from the route files themselves, so a route added later is covered too. */
function discoverVendorRoutes(): VendorRoute[] {
  const root = path.join(__dirname, "../../src/api/vendor")
  const routes: VendorRoute[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8")
        const relative = path.relative(root, dir).split(path.sep).filter(Boolean)
        const template = "/vendor/" + relative.join("/")
        const params = relative.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1))
        for (const [, method] of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|DELETE|PUT|PATCH)\b/g)) {
          routes.push({ method: method as VendorRoute["method"], template: template.replace(/\/$/, ""), params })
        }
      }
    }
  }
  walk(root)
  return routes
}

const ROUTES = discoverVendorRoutes()

/** Which of a cooperative's resources each path parameter names (by the collection it follows). */
const FIXTURE_KEY: Record<string, string> = {
  "products/[id]": "product",
  "variants/[variant_id]": "variant",
  "inventory/[inventory_item_id]": "inventory_item",
  "users/[id]": "user",
  "invites/[id]": "invite",
  "ocop-ratings/[id]": "ocop_rating",
  "certificates/[id]": "certificate",
  "lots/[id]": "lot",
  "events/[event_id]": "event",
  "reviews/[id]": "review",
  "orders/[id]": "order",
  "fulfillments/[fulfillment_id]": "fulfillment",
  "shipping-options/[id]": "shipping_option",
  "payouts/[id]": "payout",
}

function fill(template: string, ids: Record<string, string>) {
  return template.replace(/([a-z-]+)\/\[([a-z_]+)\]/g, (whole, collection) => {
    const key = FIXTURE_KEY[`${collection}/[${whole.split("[")[1]}`]
    if (!key || !ids[key]) throw new Error(`No fixture for ${whole} in ${template}: add it to FIXTURE_KEY`)
    return `${collection}/${ids[key]}`
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let tokenA: string
    let tokenB: string
    let idsA: Record<string, string>
    let idsB: Record<string, string>
    const unknown = {
      product: "prod_01UNKNOWN", variant: "variant_01UNKNOWN", inventory_item: "iitem_01UNKNOWN", user: "coopusr_01UNKNOWN", invite: "coopinv_01UNKNOWN",
      ocop_rating: "ocop_01UNKNOWN", certificate: "cert_01UNKNOWN", lot: "lot_01UNKNOWN", event: "trev_01UNKNOWN", review: "rev_01UNKNOWN",
      order: "order_01UNKNOWN", fulfillment: "ful_01UNKNOWN", shipping_option: "so_01UNKNOWN", payout: "po_01UNKNOWN",
    }

    async function fixturesOf(token: string, handle: string) {
      const me = (await api.get("/vendor/me", bearer(token))).data
      const product = (await api.get("/vendor/products?limit=1", bearer(token))).data.products[0]
      const inventory = (await api.get("/vendor/inventory", bearer(token))).data.inventory[0]
      const invite = (await api.post("/vendor/invites", { email: `moi-${handle}@example.vn` }, bearer(token))).data.invite
      // Quality claims are made through the module here: this spec is about who may reach them, not how they are made.
      const certification: any = getContainer().resolve(CERTIFICATION_MODULE)
      const claim = { cooperative_id: me.cooperative.id, evidence_file_id: "x", evidence_url: "x", expires_at: new Date(Date.now() + 86_400_000) }
      const ocopRating = await certification.createOcopRatings({ ...claim, product_id: product.id, status: "rejected", stars: 3, product_group: "food", issuing_authority: "UBND", decision_number: `1/${handle}`, decision_date: "2026-01-01" })
      const certificate = await certification.createCertificates({
        ...claim, type: "other", code: `C-${handle}`, issuing_body: "X", holder_name: "X", issued_on: "2026-01-01", valid_until: "2027-01-01", products: [{ product_id: product.id }],
      })
      const lot = (await api.get("/vendor/lots?limit=1", bearer(token))).data.lots[0]
      const event = (await api.get(`/vendor/lots/${lot.id}`, bearer(token))).data.lot.events[0]
      // A published review of the cooperative's product, the kind it can see and answer.
      const review = await (getContainer().resolve(REVIEW_MODULE) as any).createShopperReviews({
        subject_type: "product", subject_id: product.id, product_id: product.id, cooperative_id: me.cooperative.id, order_id: `order_${handle}`,
        customer_id: `cus_${handle}`, author_name: "Khách", rating: 5, title: "Ngon", body: "Ngon", status: "published", published_at: new Date(),
      })
      // A payout made through the module (each fixture set gets a period of its own).
      const payout = await (getContainer().resolve(LEDGER_MODULE) as any).createPayouts({
        cooperative_id: me.cooperative.id, period: `fixture-${handle}-${Date.now()}`, amount: 100000, status: "pending",
      })
      const order = (await api.get("/vendor/orders", bearer(token))).data.orders[0]
      const shippingOption = (await api.get("/vendor/shipping-options", bearer(token))).data.shipping_options[0]
      return {
        review: review.id,
        payout: payout.id,
        ocop_rating: ocopRating.id,
        certificate: certificate.id,
        order: order.id,
        fulfillment: order.fulfillments[0].id,
        shipping_option: shippingOption.id,
        cooperative: me.cooperative.id,
        user: me.user.id,
        product: product.id,
        variant: product.variants[0].id,
        inventory_item: inventory.inventory_item_id,
        invite: invite.id,
        lot: lot.id,
        event: event.id,
      }
    }

    beforeAll(async () => {
      const { publishableKey, regionId } = await seedMarketplace(getContainer())
      // One purchase across both cooperatives, each packing its own order: ids for the order routes.
      const sku = await variantsBySku(api, publishableKey)
      const cartId = await readyCart(api, publishableKey, regionId, [
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
        { variant_id: sku["DAHEN-CB-200"], quantity: 1 },
      ])
      await complete(api, publishableKey, cartId)
      for (const handle of ["dafusa-phu-da", "htx-che-da-hen"]) {
        const token = await demoVendorToken(api, handle)
        const order = (await api.get("/vendor/orders", bearer(token))).data.orders[0]
        await api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(token))
      }
    })
    beforeEach(async () => {
      tokenA = await demoVendorToken(api, "dafusa-phu-da")
      tokenB = await demoVendorToken(api, "htx-che-da-hen")
      idsA = await fixturesOf(tokenA, "a")
      idsB = await fixturesOf(tokenB, "b")
    })

    it("finds the vendor routes from the route files", () => {
      expect(ROUTES.length).toBeGreaterThanOrEqual(15)
      expect(ROUTES).toEqual(expect.arrayContaining([
        expect.objectContaining({ method: "DELETE", template: "/vendor/products/[id]" }),
        expect.objectContaining({ method: "POST", template: "/vendor/inventory/[inventory_item_id]" }),
      ]))
    })

    it("cooperative A gets the same 404 for B's ids as for unknown ids, on every route with an id", async () => {
      const withIds = ROUTES.filter((r) => r.params.length)
      for (const route of withIds) {
        const targets = [
          ["foreign", fill(route.template, idsB)],
          ["unknown", fill(route.template, unknown)],
          // A's own product with B's variant: nested ids are checked together, not one by one.
          ...(route.params.length > 1 ? [["mixed", fill(route.template, { ...idsB, product: idsA.product, lot: idsA.lot })]] : []),
        ]
        for (const [kind, url] of targets) {
          const res = await call(
            route.method === "GET" ? api.get(url, bearer(tokenA))
              : route.method === "DELETE" ? api.delete(url, bearer(tokenA))
              : api.post(url, {}, bearer(tokenA))
          )
          expect({ route: `${route.method} ${route.template}`, kind, status: res.status, code: res.data?.code }).toEqual({
            route: `${route.method} ${route.template}`, kind, status: 404, code: "not_found",
          })
        }
      }
    })

    it("a malformed id answers 400, never 5xx, on every route with an id", async () => {
      const malformed = Object.fromEntries(Object.keys(unknown).map((k) => [k, "%E0%A4%A"]))
      for (const route of ROUTES.filter((r) => r.params.length)) {
        const url = fill(route.template, malformed)
        const res = await call(
          route.method === "GET" ? api.get(url, bearer(tokenA))
            : route.method === "DELETE" ? api.delete(url, bearer(tokenA))
            : api.post(url, {}, bearer(tokenA))
        )
        expect({ route: `${route.method} ${route.template}`, status: res.status, code: res.data?.code }).toEqual({
          route: `${route.method} ${route.template}`, status: 400, code: "invalid_request",
        })
      }
    })

    it("cooperative A's reads never contain anything of B, and nothing of B changes whatever A sends", async () => {
      const before = JSON.stringify((await api.get(`/vendor/products/${idsB.product}`, bearer(tokenB))).data)
      const bMe = JSON.stringify((await api.get("/vendor/me", bearer(tokenB))).data)
      const secretsOfB = Object.values(idsB)

      for (const route of ROUTES.filter((r) => !r.params.length)) {
        const url = route.template
        const res = await call(
          route.method === "GET" ? api.get(url, bearer(tokenA))
            : route.method === "DELETE" ? api.delete(url, bearer(tokenA))
            // Bodies that name B's resources must not reach them.
            : api.post(url, { cooperative_id: idsB.cooperative, product_id: idsB.product, id: idsB.product }, bearer(tokenA))
        )
        expect(res.status).toBeLessThan(500)
        const body = JSON.stringify(res.data)
        for (const secret of secretsOfB) {
          expect({ route: `${route.method} ${url}`, leaks: body.includes(secret) ? secret : null }).toEqual({ route: `${route.method} ${url}`, leaks: null })
        }
      }
      expect(JSON.stringify((await api.get(`/vendor/products/${idsB.product}`, bearer(tokenB))).data)).toBe(before)
      expect(JSON.stringify((await api.get("/vendor/me", bearer(tokenB))).data)).toBe(bMe)
    })

    it("a request without a vendor sign-in reaches no vendor route", async () => {
      for (const route of ROUTES) {
        const url = fill(route.template, idsB)
        const res = await call(
          route.method === "GET" ? api.get(url) : route.method === "DELETE" ? api.delete(url) : api.post(url, {})
        )
        expect({ route: `${route.method} ${route.template}`, status: res.status }).toEqual({ route: `${route.method} ${route.template}`, status: 401 })
      }
    })
  },
})
