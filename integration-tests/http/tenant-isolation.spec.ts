import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { VENDOR_ROUTES } from "../../src/api/vendor/access"
import { CERTIFICATION_MODULE } from "../../src/modules/certification"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { REVIEW_MODULE } from "../../src/modules/review"
import { COOPERATIVE_RETURN_MODULE } from "../../src/modules/cooperative-return"
import { routeFiles } from "../route-files"
import { complete, readyCart, variantsBySku } from "../checkout"
import { bearer, call, demoVendorToken, seedMarketplace } from "../helpers"

jest.setTimeout(600_000)

type Method = "GET" | "POST" | "DELETE"
type VendorRoute = { method: Method; template: string; params: string[] }

/** Every /vendor route, read from the route files themselves, so a route added later is covered too. */
const discoverVendorRoutes = (): VendorRoute[] => routeFiles("vendor") as VendorRoute[]

const ROUTES = discoverVendorRoutes()
const WITH_IDS = ROUTES.filter((r) => r.params.length)

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
  "returns/[id]": "return",
}

/** The path's segments: static ones as written, ids (already encoded for the path) from `ids`. */
function segmentsOf(template: string, ids: Record<string, string>, encodeId: (id: string) => string = encodeURIComponent) {
  const parts = template.slice(1).split("/")
  return parts.map((part, i) => {
    if (!part.startsWith("[")) return { value: part, isId: false }
    const key = FIXTURE_KEY[`${parts[i - 1]}/${part}`]
    if (!key || !ids[key]) throw new Error(`No fixture for ${parts[i - 1]}/${part} in ${template}: add it to FIXTURE_KEY and to fixturesOf`)
    return { value: encodeId(ids[key]), isId: true }
  })
}

const fill = (template: string, ids: Record<string, string>) => "/" + segmentsOf(template, ids).map((s) => s.value).join("/")

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1)
const hexEncode = (s: string) => [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")

type Seg = { value: string; isId: boolean }
const join = (segs: Seg[]) => "/" + segs.map((s) => s.value).join("/")
/** Static segments after /vendor, rewritten by `f`. */
const statics = (segs: Seg[], f: (s: string) => string) => segs.map((s, i) => (s.isId || i === 0 ? s : { ...s, value: f(s.value) }))
const firstId = (segs: Seg[]) => segs.findIndex((s) => s.isId)

/**
 * Spellings of one path that Express may route to the same handler (it matches case-insensitively,
 * ignores one trailing slash, decodes ids) or that a proxy or a second reading of the URL could
 * normalise differently. Each must be refused (or, for the canonical spellings, checked) the same.
 */
const VARIANTS: Record<string, (template: string, ids: Record<string, string>) => string> = {
  canonical: (t, ids) => fill(t, ids),
  "Capitalised static segments": (t, ids) => join(statics(segmentsOf(t, ids), capitalise)),
  "UPPER-CASE static segments": (t, ids) => join(statics(segmentsOf(t, ids), (s) => s.toUpperCase())),
  "/VENDOR prefix": (t, ids) => fill(t, ids).replace(/^\/vendor/, "/VENDOR"),
  "trailing slash": (t, ids) => fill(t, ids) + "/",
  "doubled slash after /vendor": (t, ids) => fill(t, ids).replace(/^\/vendor\//, "/vendor//"),
  "doubled slash before the id": (t, ids) => {
    const segs = segmentsOf(t, ids)
    const i = firstId(segs)
    return "/" + segs.slice(0, i).map((s) => s.value).join("/") + "//" + segs.slice(i).map((s) => s.value).join("/")
  },
  "%-encoded first letter of static segments": (t, ids) => join(statics(segmentsOf(t, ids), (s) => hexEncode(s[0]) + s.slice(1))),
  "%2F instead of the slash before the id": (t, ids) => {
    const segs = segmentsOf(t, ids)
    const i = firstId(segs)
    return "/" + segs.slice(0, i).map((s) => s.value).join("/") + "%2F" + segs.slice(i).map((s) => s.value).join("/")
  },
  "/./ segment": (t, ids) => fill(t, ids).replace(/^\/vendor\//, "/vendor/./"),
  "/x/../ segment": (t, ids) => fill(t, ids).replace(/^\/vendor\//, "/vendor/x/../"),
  "%2e%2e segment": (t, ids) => fill(t, ids).replace(/^\/vendor\//, "/vendor/x/%2e%2e/"),
  "every character of the ids %-encoded": (t, ids) => "/" + segmentsOf(t, ids, hexEncode).map((s) => s.value).join("/"),
}

/** Valid-looking bodies, so a request that got past the checks would really change something. */
const BODIES: Record<string, unknown> = {
  "/vendor/products/[id]": { title: "Bị chiếm" },
  "/vendor/products/[id]/variants": { title: "Gói lạ", price: 1000 },
  "/vendor/products/[id]/variants/[variant_id]": { price: 1000 },
  "/vendor/inventory/[inventory_item_id]": { stocked_quantity: 0 },
  "/vendor/shipping-options/[id]": { amount: 1000 },
  "/vendor/lots/[id]": { quantity: 1 },
  "/vendor/reviews/[id]/reply": { body: "Bị chiếm" },
  "/vendor/orders/[id]/cancel": { reason: "Bị chiếm" },
  "/vendor/orders/[id]/fulfillments/[fulfillment_id]/ship": { carrier: "X", tracking_number: "1" },
  "/vendor/orders/[id]/fulfillments/[fulfillment_id]/fail-delivery": { reason: "refused", return_shipping_cost: 30000 },
  "/vendor/ocop-ratings/[id]": { decision_number: "9/BI-CHIEM" },
  "/vendor/certificates/[id]": { code: "BI-CHIEM" },
  "/vendor/returns/[id]/refuse": { reason: "Bị chiếm" },
}

type Answer = { status: number; text: string; data: any }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let tokenA: string
    let tokenB: string
    let idsA: Record<string, string>
    let idsB: Record<string, string>
    const unknown = {
      product: "prod_01UNKNOWN", variant: "variant_01UNKNOWN", inventory_item: "iitem_01UNKNOWN", user: "coopusr_01UNKNOWN", invite: "coopinv_01UNKNOWN",
      ocop_rating: "ocop_01UNKNOWN", certificate: "cert_01UNKNOWN", lot: "lot_01UNKNOWN", event: "trev_01UNKNOWN", review: "rev_01UNKNOWN",
      order: "order_01UNKNOWN", fulfillment: "ful_01UNKNOWN", shipping_option: "so_01UNKNOWN", payout: "po_01UNKNOWN", return: "cret_01UNKNOWN",
    }

    /** A request sent byte for byte as written: axios and URL() would normalise `.`, `..` and `%2e` away. */
    function raw(method: string, rawPath: string, token?: string, body?: unknown): Promise<Answer> {
      const base = new URL((api as any).defaults.baseURL)
      const payload = body === undefined ? undefined : JSON.stringify(body)
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: base.hostname, port: base.port, method, path: rawPath,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = []
            res.on("data", (c) => chunks.push(c))
            res.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8")
              let data: any = null
              try { data = JSON.parse(text) } catch { /* not JSON */ }
              resolve({ status: res.statusCode ?? 0, text, data })
            })
          }
        )
        req.on("error", reject)
        if (payload) req.write(payload)
        req.end()
      })
    }
    const send = (route: VendorRoute, url: string, token?: string) =>
      raw(route.method, url, token, route.method === "POST" ? BODIES[route.template] ?? {} : undefined)

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
      // A shopper's return of its order, through the module (requested: accept, refuse and receive would all act on it).
      const ret = await (getContainer().resolve(COOPERATIVE_RETURN_MODULE) as any).createCooperativeReturns({
        order_id: `order_fixture_${handle}_${Date.now()}`, cooperative_id: me.cooperative.id, customer_id: `cus_${handle}`,
        status: "requested", items: [], reason: "Vỡ hộp", photos: [],
      })
      return {
        return: ret.id,
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

    /** Everything of B's that A's requests name, read by B itself. */
    async function snapshotOfB() {
      const reads = [
        "/vendor/me", "/vendor/cooperative", "/vendor/products?limit=100", `/vendor/products/${idsB.product}`, "/vendor/inventory", "/vendor/users",
        "/vendor/invites", `/vendor/ocop-ratings/${idsB.ocop_rating}`, `/vendor/certificates/${idsB.certificate}`, `/vendor/lots/${idsB.lot}`,
        "/vendor/reviews", `/vendor/orders/${idsB.order}`, "/vendor/shipping-options", `/vendor/payouts/${idsB.payout}`, "/vendor/ledger", "/vendor/returns",
      ]
      const snapshot: Record<string, unknown> = {}
      for (const url of reads) {
        const res = await call(api.get(url, bearer(tokenB)))
        expect({ url, status: res.status }).toEqual({ url, status: 200 })
        snapshot[url] = res.data
      }
      return snapshot
    }

    /** Strings only B's data contains: its ids and the names a person would recognise. */
    function secretsOf(snapshot: Record<string, any>) {
      const me = snapshot["/vendor/me"]
      const product = snapshot[`/vendor/products/${idsB.product}`].product
      return [
        ...Object.values(idsB),
        me.cooperative.name, me.cooperative.tax_code, me.user.email, product.title,
        ...(snapshot["/vendor/products?limit=100"].products as any[]).map((p) => p.title),
      ].filter((s): s is string => typeof s === "string" && s.length >= 6)
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

    it("finds the vendor routes from the route files, and the route table lists exactly those (a route missing from it fails here)", () => {
      expect(ROUTES.length).toBeGreaterThanOrEqual(15)
      expect(ROUTES).toEqual(expect.arrayContaining([
        expect.objectContaining({ method: "DELETE", template: "/vendor/products/[id]" }),
        expect.objectContaining({ method: "POST", template: "/vendor/inventory/[inventory_item_id]" }),
      ]))
      const fromFiles = ROUTES.map((r) => `${r.method} ${r.template.replace(/\[([a-z_]+)\]/g, ":$1")}`).sort()
      const fromTable = VENDOR_ROUTES.map((r) => `${r.method} ${r.matcher}`).sort()
      expect(fromTable).toEqual(fromFiles)
      // Every route with ids has a fixture for each (fill throws otherwise).
      for (const route of WITH_IDS) expect(() => fill(route.template, idsB)).not.toThrow()
    })

    it("cooperative A gets the same 404 for B's ids as for unknown ids, on every route with an id", async () => {
      for (const route of WITH_IDS) {
        const targets = [
          ["foreign", fill(route.template, idsB)],
          ["unknown", fill(route.template, unknown)],
          // A's own product with B's variant: nested ids are checked together, not one by one.
          ...(route.params.length > 1 ? [["mixed", fill(route.template, { ...idsB, product: idsA.product, lot: idsA.lot, order: idsA.order })]] : []),
        ]
        for (const [kind, url] of targets) {
          const res = await send(route, url, tokenA)
          expect({ route: `${route.method} ${route.template}`, kind, status: res.status, code: res.data?.code }).toEqual({
            route: `${route.method} ${route.template}`, kind, status: 404, code: "not_found",
          })
        }
      }
    })

    it("every spelling of every route with B's ids is refused with a 404, shows nothing of B, and changes nothing of B", async () => {
      const before = await snapshotOfB()
      const secrets = secretsOf(before)
      // B's own ids, and A's parent with B's child: both must fail under every spelling.
      const targets: [string, Record<string, string>][] = [
        ["foreign", idsB],
        ["mixed", { ...idsB, product: idsA.product, lot: idsA.lot, order: idsA.order }],
      ]
      const failures: unknown[] = []
      const cases: string[] = []
      for (const route of WITH_IDS) {
        for (const [target, ids] of targets) {
          if (target === "mixed" && route.params.length < 2) continue
          for (const [variant, spell] of Object.entries(VARIANTS)) {
            const url = spell(route.template, ids)
            const res = await send(route, url, tokenA)
            cases.push(`${route.method} ${route.template} ${target} ${variant}`)
            const leaked = secrets.filter((s) => res.text.includes(s))
            const refused = res.status === 404 && ["not_found", "route_not_found"].includes(res.data?.code)
            if (!refused || leaked.length) {
              failures.push({ route: `${route.method} ${route.template}`, target, variant, url, status: res.status, code: res.data?.code, leaked })
            }
          }
        }
      }
      expect(failures).toEqual([])
      expect(await snapshotOfB()).toEqual(before)
      // The count of route × target × spelling cases, for the record.
      console.log(`tenant isolation: ${cases.length} attack cases (${WITH_IDS.length} routes with ids × ${Object.keys(VARIANTS).length} spellings, foreign and mixed ids), all refused`)
      expect(cases.length).toBeGreaterThanOrEqual(WITH_IDS.length * Object.keys(VARIANTS).length)
    })

    it("non-canonical spellings never reach a handler, even with the caller's own ids; canonical and %-encoded ids do", async () => {
      const own = `/vendor/products/${idsA.product}`
      expect((await raw("GET", own, tokenA)).status).toBe(200)
      // Express decodes ids before the handler reads them, and the ownership check reads the same value.
      const encoded = await raw("GET", `/vendor/products/${hexEncode(idsA.product)}`, tokenA)
      expect({ status: encoded.status, id: encoded.data?.product?.id }).toEqual({ status: 200, id: idsA.product })
      for (const [variant, spell] of Object.entries(VARIANTS)) {
        if (variant === "canonical" || variant.startsWith("every character")) continue
        const res = await raw("GET", spell("/vendor/products/[id]", idsA), tokenA)
        expect({ variant, status: res.status, code: res.data?.code }).toEqual({ variant, status: 404, code: "route_not_found" })
      }
      const renamed = await raw("POST", `/vendor/Products/${idsA.product}`, tokenA, { title: "Đổi tên qua chữ hoa" })
      expect(renamed.status).toBe(404)
      expect((await raw("GET", own, tokenA)).data.product.title).not.toBe("Đổi tên qua chữ hoa")
      // A method a route does not have is named, not routed elsewhere.
      const wrongMethod = await raw("DELETE", `/vendor/orders/${idsA.order}`, tokenA)
      expect({ status: wrongMethod.status, code: wrongMethod.data?.code }).toEqual({ status: 405, code: "method_not_allowed" })
      const unknownRoute = await raw("GET", "/vendor/secrets", tokenA)
      expect({ status: unknownRoute.status, code: unknownRoute.data?.code }).toEqual({ status: 404, code: "route_not_found" })
    })

    it("a malformed id answers 400, never 5xx, on every route with an id; so does a NUL byte", async () => {
      for (const bad of ["%E0%A4%A", "%00", "a%00b"]) {
        const malformed = Object.fromEntries(Object.keys(unknown).map((k) => [k, bad]))
        for (const route of WITH_IDS) {
          const url = "/" + segmentsOf(route.template, malformed, (id) => id).map((s) => s.value).join("/")
          const res = await send(route, url, tokenA)
          expect({ route: `${route.method} ${route.template}`, bad, status: res.status, code: res.data?.code }).toEqual({
            route: `${route.method} ${route.template}`, bad, status: 400, code: "invalid_request",
          })
        }
      }
    })

    it("cooperative A's reads never contain anything of B, and nothing of B changes whatever A sends", async () => {
      const before = await snapshotOfB()
      const secretsOfB = secretsOf(before)

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
      expect(await snapshotOfB()).toEqual(before)
    })

    it("a request without a vendor sign-in reaches no vendor route, under any spelling", async () => {
      for (const route of ROUTES) {
        const ids = route.params.length ? idsB : {}
        for (const [variant, spell] of Object.entries(VARIANTS)) {
          if (!route.params.length && variant !== "canonical" && !variant.includes("static") && variant !== "trailing slash") continue
          const res = await send(route, spell(route.template, ids))
          expect({ route: `${route.method} ${route.template}`, variant, status: res.status }).toEqual({
            route: `${route.method} ${route.template}`, variant, status: 401,
          })
        }
      }
    })
  },
})
