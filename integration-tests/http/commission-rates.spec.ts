import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { complete, readyCart } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, logins, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(300_000)

// The union's transfer account (purchases paid by VietQR, so the union collects and books at delivery) and no
// COMMISSION_DEFAULT_BPS override: the fallback is 10 %.
const ENV = { VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH", LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "" }
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]))
Object.assign(process.env, ENV)
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v))
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let admin: string
    const variant: Record<string, string> = {}
    const product: Record<string, string> = {}
    const coop: Record<string, string> = {}
    let vendor: string

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      admin = await adminToken(api)
      const { data } = await api.get(`/store/products?limit=100&fields=id,*variants`, storeHeaders(pk))
      for (const p of data.products) for (const v of p.variants) (variant[v.sku] = v.id), (product[v.sku] = p.id)
      const { data: listed } = await api.get(`/admin/cooperatives?limit=100`, bearer(admin))
      for (const c of listed.cooperatives) coop[c.handle] = c.id
      vendor = await demoVendorToken(api, "htx-che-thanh-nam")
    })

    const asAdmin = () => bearer(admin)
    const history = async (qs = "") => (await api.get(`/admin/commission-rates/history${qs}`, asAdmin())).data
    const preview = async (qs = "") => (await api.get(`/admin/commission-rates/preview${qs}`, asAdmin())).data
    async function teaCategory() {
      const { data } = await api.post(`/admin/product-categories`, { name: "Chè / Trà", is_active: true }, asAdmin())
      for (const sku of ["THANHNAM-TX-200", "DAHEN-CB-200"]) await api.post(`/admin/products/${product[sku]}`, { categories: [{ id: data.product_category.id }] }, asAdmin())
      return data.product_category.id as string
    }

    it("the desk's routes refuse anonymous callers and cooperatives' staff, and garbage, with clear 4xx", async () => {
      const routes: [string, string, object?][] = [
        ["get", "/admin/commission-rates"],
        ["get", "/admin/commission-rates/history"],
        ["get", "/admin/commission-rates/preview"],
        ["post", "/admin/commission-rates", { scope: "default", rate_bps: 0 }],
        ["post", "/admin/commission-rates/comrate_x", { rate_bps: 0 }],
        ["delete", "/admin/commission-rates/comrate_x"],
      ]
      for (const [method, url, body] of routes) {
        for (const [who, config] of [["anonymous", {}], ["vendor", bearer(vendor)]] as const) {
          const res = await call(method === "post" ? api.post(url, body, config) : (api as any)[method](url, config))
          expect({ method, url, who, status: res.status }).toEqual({ method, url, who, status: 401 })
        }
      }
      // Nothing a vendor tried was recorded.
      expect((await history()).count).toBe(0)

      const bad = async (body: unknown) => call(api.post(`/admin/commission-rates`, body, asAdmin()))
      for (const rate_bps of [-1, 10_001, 12.5, "1000", null, 1e308, Number.MAX_SAFE_INTEGER, [1000], { $gt: 0 }]) {
        const res = await bad({ scope: "default", rate_bps })
        expect({ rate_bps, status: res.status, code: res.data.code }).toEqual({ rate_bps, status: 400, code: "invalid_request" })
      }
      expect((await bad({ scope: "default", rate_bps: 1000, reason: "x".repeat(501) })).data.errors).toEqual([{ path: "reason", message: expect.any(String) }])
      expect((await bad({ scope: "everything", rate_bps: 1000 })).status).toBe(400)
      expect((await bad("1000")).status).toBe(400)
      const created = await bad({ scope: "default", rate_bps: 1200, reason: "Đại hội thành viên 2026" })
      expect(created.status).toBe(201)
      const id = created.data.commission_rate.id
      for (const body of [{ rate_bps: 10_000.5 }, { rate_bps: -0.01 }, { rate_bps: 1e21 }, {}, { rate_bps: 800, scope: "cooperative" }]) {
        const res = await call(api.post(`/admin/commission-rates/${id}`, body, asAdmin()))
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code: "invalid_request" })
      }
      expect((await call(api.delete(`/admin/commission-rates/${id}`, { ...asAdmin(), data: { reason: 5 } }))).status).toBe(400)
      for (const qs of ["?limit=1000", "?offset=-1", "?scope=all", "?surprise=1", `?cooperative_id=${"c".repeat(101)}`]) {
        expect([qs, (await call(api.get(`/admin/commission-rates/history${qs}`, asAdmin()))).status]).toEqual([qs, 400])
      }
      for (const qs of ["?limit=0", `?q=${"q".repeat(201)}`, "?scope=default", "?offset=1e308"]) {
        expect([qs, (await call(api.get(`/admin/commission-rates/preview${qs}`, asAdmin()))).status]).toEqual([qs, 400])
      }
      // Unknown ids: 404, and a cooperative with no products previews nothing (never 5xx).
      expect((await call(api.post(`/admin/commission-rates/comrate_nope`, { rate_bps: 800, reason: "x" }, asAdmin()))).status).toBe(404)
      expect((await call(api.delete(`/admin/commission-rates/comrate_nope`, asAdmin()))).status).toBe(404)
      expect(await preview(`?cooperative_id=coop_nope`)).toMatchObject({ products: [], count: 0 })
      expect((await preview(`?category_id=pcat_nope`)).products).toEqual([])
      // One line in the history: the valid creation, and nothing of the refused attempts.
      const h = await history()
      expect(h.count).toBe(1)
      expect(h.changes[0]).toMatchObject({ action: "created", scope: "default", old_rate_bps: null, new_rate_bps: 1200, reason: "Đại hội thành viên 2026", actor: { email: logins.admin.email } })
    })

    it("every change of every scope is in the history: who, when, target, old and new rate, why; filters and pages", async () => {
      const teaId = await teaCategory()
      const t0 = Date.now()
      const create = async (body: object) => (await api.post(`/admin/commission-rates`, body, asAdmin())).data
      const dflt = await create({ scope: "default", rate_bps: 1000, reason: "Mức chung" })
      const dafusa = await create({ scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 800, note: "HTX mới", reason: "Ưu đãi năm đầu" })
      const tea = await create({ scope: "category", category_id: teaId, rate_bps: 1500 })
      const dahenTea = await create({ scope: "cooperative_category", cooperative_id: coop["htx-che-da-hen"], category_id: teaId, rate_bps: 500, reason: "Chè Đá Hen: hỗ trợ vùng khó khăn" })
      expect(dahenTea.change).toMatchObject({ action: "created", new_rate_bps: 500, cooperative: { handle: "htx-che-da-hen" }, category: { name: "Chè / Trà" } })

      // The list names every target.
      const { data: listed } = await api.get(`/admin/commission-rates?limit=100`, asAdmin())
      const SCOPES = ["default", "cooperative", "category", "cooperative_category"]
      const rows = listed.commission_rates.map((r: any) => [r.scope, r.cooperative?.handle ?? null, r.category?.name ?? null, r.rate_bps])
      expect(rows.sort((a: any, b: any) => SCOPES.indexOf(a[0]) - SCOPES.indexOf(b[0]))).toEqual([
        ["default", null, null, 1000],
        ["cooperative", "dafusa-phu-da", null, 800],
        ["category", null, "Chè / Trà", 1500],
        ["cooperative_category", "htx-che-da-hen", "Chè / Trà", 500],
      ])

      const changed = await api.post(`/admin/commission-rates/${tea.commission_rate.id}`, { rate_bps: 1750, reason: "Giá chè tăng" }, asAdmin())
      expect(changed.data.change).toMatchObject({ action: "updated", old_rate_bps: 1500, new_rate_bps: 1750, reason: "Giá chè tăng" })
      // The same rate again changes nothing and records nothing.
      const same = await api.post(`/admin/commission-rates/${tea.commission_rate.id}`, { rate_bps: 1750, reason: "bấm lại" }, asAdmin())
      expect([same.status, same.data.change, same.data.commission_rate.rate_bps]).toEqual([200, null, 1750])
      const removed = await api.delete(`/admin/commission-rates/${dafusa.commission_rate.id}`, { ...asAdmin(), data: { reason: "Hết ưu đãi" } })
      expect(removed.data).toEqual({ id: dafusa.commission_rate.id, object: "commission_rate", deleted: true })

      const all = await history(`?limit=100`)
      expect(all.count).toBe(6)
      // Newest first; every line names the admin and is stamped inside the test's window.
      expect(all.changes.map((c: any) => [c.action, c.scope, c.old_rate_bps, c.new_rate_bps, c.reason])).toEqual([
        ["deleted", "cooperative", 800, null, "Hết ưu đãi"],
        ["updated", "category", 1500, 1750, "Giá chè tăng"],
        ["created", "cooperative_category", null, 500, "Chè Đá Hen: hỗ trợ vùng khó khăn"],
        ["created", "category", null, 1500, null],
        ["created", "cooperative", null, 800, "Ưu đãi năm đầu"],
        ["created", "default", null, 1000, "Mức chung"],
      ])
      for (const c of all.changes) {
        expect(c.actor).toEqual({ id: expect.stringMatching(/^user_/), email: logins.admin.email })
        expect(Date.parse(c.created_at)).toBeGreaterThanOrEqual(t0 - 1000)
        expect(Date.parse(c.created_at)).toBeLessThanOrEqual(Date.now() + 1000)
      }
      expect(all.changes[0].cooperative).toMatchObject({ handle: "dafusa-phu-da" })

      // Filters: by scope, by cooperative (its cooperative-in-category rules too), by rule; pages.
      expect((await history(`?scope=category`)).changes.map((c: any) => c.action)).toEqual(["updated", "created"])
      expect((await history(`?cooperative_id=${coop["htx-che-da-hen"]}`)).changes.map((c: any) => c.scope)).toEqual(["cooperative_category"])
      expect((await history(`?commission_rate_id=${tea.commission_rate.id}`)).count).toBe(2)
      const page2 = await history(`?limit=2&offset=2`)
      expect([page2.count, page2.changes.map((c: any) => c.id)]).toEqual([6, all.changes.slice(2, 4).map((c: any) => c.id)])

      // The history is append-only in the database itself.
      const db = getContainer().resolve("__pg_connection__" as any) as any
      await expect(db.raw(`update commission_rate_change set new_rate_bps = 0`)).rejects.toThrow(/append-only/)
      await expect(db.raw(`delete from commission_rate_change`)).rejects.toThrow(/append-only/)
    })

    it("the same change twice at once, and changes racing, leave one consistent history", async () => {
      const { data: created } = await api.post(`/admin/commission-rates`, { scope: "cooperative", cooperative_id: coop["htx-dat-to-seed"], rate_bps: 1000 }, asAdmin())
      const id = created.commission_rate.id
      // The same click twice: both answer 200, one change is recorded.
      const twice = await Promise.all([0, 1].map(() => call(api.post(`/admin/commission-rates/${id}`, { rate_bps: 900, reason: "Giảm" }, asAdmin()))))
      expect(twice.map((r) => r.status)).toEqual([200, 200])
      expect(twice.filter((r) => r.data.change).length).toBe(1)
      // Eight admins at once with different rates: serialised, each line starts where the one before ended.
      const rates = [700, 650, 1100, 1250, 300, 999, 1234, 50]
      const raced = await Promise.all(rates.map((rate_bps) => call(api.post(`/admin/commission-rates/${id}`, { rate_bps, reason: `→ ${rate_bps}` }, asAdmin()))))
      expect(raced.map((r) => r.status)).toEqual(rates.map(() => 200))
      const chain = (await history(`?commission_rate_id=${id}&limit=100`)).changes.reverse()
      expect(chain.length).toBe(2 + rates.length)
      expect(chain[0]).toMatchObject({ action: "created", new_rate_bps: 1000 })
      for (let i = 1; i < chain.length; i++) expect([i, chain[i].old_rate_bps]).toEqual([i, chain[i - 1].new_rate_bps])
      const { data: now } = await api.get(`/admin/commission-rates/${id}`, asAdmin())
      expect(now.commission_rate.rate_bps).toBe(chain[chain.length - 1].new_rate_bps)
      expect(new Set(chain.slice(2).map((c: any) => c.new_rate_bps))).toEqual(new Set(rates))

      // Two creations of the same target at once: one wins, the other is 409 and leaves no line.
      const both = await Promise.all([0, 1].map(() => call(api.post(`/admin/commission-rates`, { scope: "cooperative", cooperative_id: coop["htx-thuy-bang"], rate_bps: 600 }, asAdmin()))))
      expect(both.map((r) => r.status).sort()).toEqual([201, 409])
      expect(both.find((r) => r.status === 409)!.data.code).toBe("commission_rate_exists")
      expect((await history(`?cooperative_id=${coop["htx-thuy-bang"]}`)).count).toBe(1)
      // Removing twice at once: one removal, one 404.
      const gone = await Promise.all([0, 1].map(() => call(api.delete(`/admin/commission-rates/${id}`, asAdmin()))))
      expect(gone.map((r) => r.status).sort()).toEqual([200, 404])
      expect((await history(`?commission_rate_id=${id}&limit=100`)).changes[0]).toMatchObject({ action: "deleted", old_rate_bps: chain[chain.length - 1].new_rate_bps })
    })

    it("the preview shows each product's rate, rule and unit commission, and a delivered order's commission line matches it", async () => {
      const teaId = await teaCategory()
      const { data: teaRule } = await api.post(`/admin/commission-rates`, { scope: "category", category_id: teaId, rate_bps: 1500 }, asAdmin())
      const { data: dahenTea } = await api.post(`/admin/commission-rates`, { scope: "cooperative_category", cooperative_id: coop["htx-che-da-hen"], category_id: teaId, rate_bps: 1250, reason: "Vùng chè khó khăn" }, asAdmin())
      await api.post(`/admin/commission-rates`, { scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 800 }, asAdmin())

      const all = await preview(`?limit=100`)
      const bySku = new Map<string, any>()
      for (const p of all.products) for (const v of p.variants) bySku.set(v.sku, { ...p, variant: v })
      // Đá Hen's tea: its cooperative-in-category rule (more specific than the tea category's).
      expect(bySku.get("DAHEN-CB-200")).toMatchObject({ rate_bps: 1250, source: "rule", rule: { id: dahenTea.commission_rate.id, scope: "cooperative_category", cooperative: { handle: "htx-che-da-hen" }, category: { id: teaId } } })
      expect(bySku.get("THANHNAM-TX-200")).toMatchObject({ rate_bps: 1500, rule: { id: teaRule.commission_rate.id, scope: "category" }, cooperative: { handle: "htx-che-thanh-nam" } })
      expect(bySku.get("DAFUSA-DP-500")).toMatchObject({ rate_bps: 800, rule: { scope: "cooperative", cooperative: { handle: "dafusa-phu-da" } } })
      expect(bySku.get("DATTO-HL-500")).toMatchObject({ rate_bps: 1000, rule: null, source: "fallback_default" })
      // Whole đồng, half up: 65.000 × 12.5 % = 8.125; 120.000 × 15 % = 18.000.
      for (const [sku, price, commission] of [["DAHEN-CB-200", 65000, 8125], ["THANHNAM-TX-200", 120000, 18000], ["DAFUSA-DP-500", 95000, 7600]] as const) {
        expect([sku, bySku.get(sku).variant.price, bySku.get(sku).variant.commission]).toEqual([sku, price, commission])
      }
      for (const p of all.products) for (const v of p.variants) expect(Number.isInteger(v.commission)).toBe(true)

      // Filters: cooperative, category, words; paging counts.
      const dahen = await preview(`?cooperative_id=${coop["htx-che-da-hen"]}&limit=100`)
      expect(dahen.products.length).toBeGreaterThan(0)
      expect(dahen.products.every((p: any) => p.cooperative.handle === "htx-che-da-hen")).toBe(true)
      const teaOnly = await preview(`?category_id=${teaId}`)
      expect(teaOnly.products.map((p: any) => p.id).sort()).toEqual([product["DAHEN-CB-200"], product["THANHNAM-TX-200"]].sort())
      const both = await preview(`?cooperative_id=${coop["htx-che-da-hen"]}&category_id=${teaId}`)
      expect(both.products.map((p: any) => p.id)).toEqual([product["DAHEN-CB-200"]])
      const words = await preview(`?q=${encodeURIComponent(bySku.get("DAFUSA-DP-500").title)}`)
      expect(words.products.map((p: any) => p.id)).toContain(product["DAFUSA-DP-500"])
      const page = await preview(`?limit=2`)
      expect([page.products.length, page.count]).toEqual([2, all.count])

      // A purchase of one Đá Hen tea, paid by transfer and delivered: the ledger books the preview's rate, rule and amount.
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: variant["DAHEN-CB-200"], quantity: 1 }], { provider_id: "pp_vietqr_vietqr" })
      const done = await complete(api, pk, cartId)
      const order = done.data.order_group.orders[0]
      await api.post(`/admin/order-groups/${done.data.order_group.id}/mark-paid`, {}, asAdmin())
      const dahenVendor = await demoVendorToken(api, "htx-che-da-hen")
      const packed = await api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(dahenVendor))
      const fid = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fid}/ship`, { carrier: "Viettel Post", tracking_number: "VTP-RATES-1" }, bearer(dahenVendor))
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fid}/deliver`, {}, bearer(dahenVendor))
      let line: any
      for (const until = Date.now() + 20_000; !line && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
        const { data } = await api.get(`/admin/cooperatives/${coop["htx-che-da-hen"]}/ledger?type=commission`, asAdmin())
        line = data.entries.find((e: any) => e.order?.id === order.id)
      }
      const shown = bySku.get("DAHEN-CB-200")
      expect(line).toMatchObject({ rate_bps: shown.rate_bps, commission_rate_id: shown.rule.id, amount: -shown.variant.commission })
    })
  },
})
