import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { bookDeliveredOrderWorkflow } from "../../src/workflows/ledger/book-delivered-order"
import { complete, readyCart } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(300_000)

// The union's receiving account, so purchases can be paid by transfer (and refunded); 7-day hold.
const ENV = { VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH", LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "" }
useEnv(ENV)

const DAY = 86_400_000

/** The CSV export as bytes (axios would drop the BOM from text) and as text after the BOM. */
async function exportCsv(api: any, token: string, qs = "") {
  const res = await api.get(`/vendor/ledger/export.csv${qs}`, { ...bearer(token), responseType: "arraybuffer" })
  const bytes = Buffer.from(res.data)
  return { headers: res.headers, bom: bytes.subarray(0, 3).toString("hex"), text: bytes.subarray(3).toString("utf8") }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils }) => {
    let pk: string
    let regionId: string
    let admin: string
    const variant: Record<string, string> = {}
    const product: Record<string, string> = {}
    const coop: Record<string, string> = {}
    const vendor: Record<string, string> = {}

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      admin = await adminToken(api)
      const { data } = await api.get(`/store/products?limit=100&fields=id,*variants`, storeHeaders(pk))
      for (const p of data.products) for (const v of p.variants) {
        variant[v.sku] = v.id
        product[v.sku] = p.id
      }
      const { data: listed } = await api.get(`/admin/cooperatives?limit=100`, bearer(admin))
      for (const c of listed.cooperatives) coop[c.handle] = c.id
      for (const handle of ["htx-che-thanh-nam", "dafusa-phu-da", "htx-che-da-hen", "htx-dat-to-seed"]) vendor[handle] = await demoVendorToken(api, handle)
    })

    const asAdmin = () => bearer(admin)
    const ledgerOf = async (handle: string, qs = "") => (await api.get(`/admin/cooperatives/${coop[handle]}/ledger?limit=100${qs}`, asAdmin())).data
    const reconciliationOf = async (handle: string) =>
      (await api.get(`/admin/ledger/reconciliation?cooperative_id=${coop[handle]}`, asAdmin())).data.reconciliation

    /** Subscribers run after the request answered: wait until the ledger shows what they book. */
    async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
      const until = Date.now() + 20_000
      for (;;) {
        const value = await read()
        if (done(value)) return value
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    /** A cooperative packs, ships and delivers its whole order through the vendor API; returns the fulfilment id. */
    async function deliver(handle: string, orderId: string) {
      const token = vendor[handle]
      const packed = await api.post(`/vendor/orders/${orderId}/fulfillments`, {}, bearer(token))
      const fulfillmentId = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post", tracking_number: `VTP${Date.now()}` }, bearer(token))
      const delivered = await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(token))
      expect(delivered.data.order.progress).toBe("delivered")
      return fulfillmentId
    }

    async function purchase(lines: [string, number][], provider_id = "pp_vietqr_vietqr") {
      const cartId = await readyCart(api, pk, regionId, lines.map(([sku, quantity]) => ({ variant_id: variant[sku], quantity })), { provider_id })
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      const group = done.data.order_group
      const orderOf = (handle: string) => group.orders.find((o: any) => o.cooperative.handle === handle)
      return { group, orderOf }
    }

    const markPaid = (groupId: string) => api.post(`/admin/order-groups/${groupId}/mark-paid`, {}, asAdmin())

    it("union admins manage commission rates; bad rates, duplicate targets and non-admins are refused", async () => {
      const bad = async (body: object) => call(api.post(`/admin/commission-rates`, body, asAdmin()))
      for (const rate_bps of [-1, 10_001, 12.5, "1000"]) {
        const res = await bad({ scope: "default", rate_bps })
        expect({ rate_bps, status: res.status, code: res.data.code, path: res.data.errors?.[0]?.path }).toEqual({ rate_bps, status: 400, code: "invalid_request", path: "rate_bps" })
      }
      expect((await bad({ scope: "cooperative", rate_bps: 800 })).data.errors).toEqual([{ path: "cooperative_id", message: "is required for scope cooperative" }])
      expect((await bad({ scope: "default", cooperative_id: coop["dafusa-phu-da"], rate_bps: 800 })).status).toBe(400)
      expect((await bad({ scope: "default", rate_bps: 800, surprise: 1 })).status).toBe(400)
      const unknownCoop = await bad({ scope: "cooperative", cooperative_id: "coop_nope", rate_bps: 800 })
      expect([unknownCoop.status, unknownCoop.data.code]).toEqual([404, "not_found"])
      const unknownCategory = await bad({ scope: "category", category_id: "pcat_nope", rate_bps: 800 })
      expect([unknownCategory.status, unknownCategory.data.code]).toEqual([404, "not_found"])

      const created = await bad({ scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 700, note: "Ưu đãi HTX mới" })
      expect(created.status).toBe(201)
      expect(created.data.commission_rate).toMatchObject({ scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], category_id: null, rate_bps: 700, note: "Ưu đãi HTX mới" })
      const twice = await bad({ scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 900 })
      expect([twice.status, twice.data.code]).toEqual([409, "commission_rate_exists"])

      const id = created.data.commission_rate.id
      const badUpdate = await call(api.post(`/admin/commission-rates/${id}`, { rate_bps: -5 }, asAdmin()))
      expect(badUpdate.status).toBe(400)
      const updated = await call(api.post(`/admin/commission-rates/${id}`, { rate_bps: 800 }, asAdmin()))
      expect([updated.status, updated.data.commission_rate.rate_bps]).toEqual([200, 800])
      expect((await call(api.post(`/admin/commission-rates/comrate_nope`, { rate_bps: 800 }, asAdmin()))).status).toBe(404)
      expect((await call(api.delete(`/admin/commission-rates/comrate_nope`, asAdmin()))).status).toBe(404)

      const listed = await api.get(`/admin/commission-rates?scope=cooperative&cooperative_id=${coop["dafusa-phu-da"]}`, asAdmin())
      expect(listed.data).toMatchObject({ count: 1, fallback_default_bps: 1000 })
      expect(listed.data.commission_rates[0]).toMatchObject({ id, rate_bps: 800 })
      expect((await call(api.get(`/admin/commission-rates?scope=everything`, asAdmin()))).status).toBe(400)

      // Deleting is a soft delete: the target is free again.
      expect((await call(api.delete(`/admin/commission-rates/${id}`, asAdmin()))).data).toEqual({ id, object: "commission_rate", deleted: true })
      expect((await call(api.get(`/admin/commission-rates/${id}`, asAdmin()))).status).toBe(404)
      const again = await bad({ scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 800 })
      expect(again.status).toBe(201)

      // A cooperative's staff cannot reach the union's desk, signed in or not.
      const vendorTry = await call(api.get(`/admin/commission-rates`, bearer(vendor["dafusa-phu-da"])))
      expect(vendorTry.status).toBe(401)
      expect((await call(api.post(`/admin/commission-rates`, { scope: "default", rate_bps: 0 }, bearer(vendor["dafusa-phu-da"])))).status).toBe(401)
      expect((await call(api.post(`/admin/cooperatives/${coop["dafusa-phu-da"]}/ledger-adjustments`, { amount: 1000000, reason: "tự cộng" }, bearer(vendor["dafusa-phu-da"])))).status).toBe(401)
      expect((await call(api.get(`/admin/ledger/reconciliation`, bearer(vendor["dafusa-phu-da"])))).status).toBe(401)
      expect((await call(api.get(`/admin/ledger/reconciliation`))).status).toBe(401)
    })

    it("a realistic season: shared purchases delivered, category and cooperative rates, a rate change, a refund after delivery, an adjustment and a repeated event reconcile to the đồng", async () => {
      // Tea pays 15 %, Đá Hen's tea 5 %, Dafusa 8 %; Đất Tổ falls to the union default (no row: 10 %).
      // (Every test starts from the seeded marketplace: the rates of the test above are gone.)
      await api.post(`/admin/commission-rates`, { scope: "cooperative", cooperative_id: coop["dafusa-phu-da"], rate_bps: 800 }, asAdmin())
      const { data: cat } = await api.post(`/admin/product-categories`, { name: "Chè / Trà", is_active: true }, asAdmin())
      const teaId = cat.product_category.id
      for (const sku of ["THANHNAM-TX-200", "DAHEN-CB-200"]) await api.post(`/admin/products/${product[sku]}`, { categories: [{ id: teaId }] }, asAdmin())
      const tea = (await api.post(`/admin/commission-rates`, { scope: "category", category_id: teaId, rate_bps: 1500 }, asAdmin())).data.commission_rate
      await api.post(`/admin/commission-rates`, { scope: "cooperative_category", cooperative_id: coop["htx-che-da-hen"], category_id: teaId, rate_bps: 500 }, asAdmin())
      const dupTarget = await call(api.post(`/admin/commission-rates`, { scope: "category", category_id: teaId, rate_bps: 1200 }, asAdmin()))
      expect([dupTarget.status, dupTarget.data.code]).toEqual([409, "commission_rate_exists"])

      // Purchase 1, paid by transfer: Thanh Nam tea 2 × 120.000 and Dafusa oil 95.000, 30.000 shipping each.
      const p1 = await purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]])
      await markPaid(p1.group.id)
      // Purchase 2, by transfer too: Đá Hen tea 2 × 65.000 and Đất Tổ onions 3 × 15.000. (Cash on
      // delivery is collected by the cooperatives themselves by default and books differently:
      // cash-on-delivery.spec.ts.) Before the transfer arrives nothing of it can be refunded.
      const p2 = await purchase([["DAHEN-CB-200", 2], ["DATTO-HL-500", 3]])
      const unpaid = await call(api.post(`/admin/orders/${p2.orderOf("htx-che-da-hen").id}/refunds`, { amount: 1000 }, asAdmin()))
      expect([unpaid.status, unpaid.data.code]).toEqual([409, "not_paid"])
      await markPaid(p2.group.id)

      // Nothing is booked before delivery.
      expect((await ledgerOf("htx-che-thanh-nam")).count).toBe(0)
      const t0 = Date.now()
      const tnFulfillment = await deliver("htx-che-thanh-nam", p1.orderOf("htx-che-thanh-nam").id)
      await deliver("dafusa-phu-da", p1.orderOf("dafusa-phu-da").id)
      await deliver("htx-che-da-hen", p2.orderOf("htx-che-da-hen").id)
      await deliver("htx-dat-to-seed", p2.orderOf("htx-dat-to-seed").id)
      const t1 = Date.now()
      for (const handle of ["htx-che-thanh-nam", "dafusa-phu-da", "htx-che-da-hen", "htx-dat-to-seed"]) {
        await eventually(() => ledgerOf(handle), (l) => l.count === 3, `${handle}'s sale, commission and shipping`)
      }

      // Each delivered order's sale + shipping is exactly its share of the purchase.
      for (const [p, handle] of [[p1, "htx-che-thanh-nam"], [p1, "dafusa-phu-da"], [p2, "htx-che-da-hen"], [p2, "htx-dat-to-seed"]] as const) {
        const order = p.orderOf(handle)
        const lines = (await ledgerOf(handle)).entries.filter((e: any) => e.order?.id === order.id && ["sale", "shipping"].includes(e.type))
        expect({ handle, earned: lines.reduce((a: number, e: any) => a + e.amount, 0) }).toEqual({ handle, earned: order.payment_share })
      }

      const tn = await ledgerOf("htx-che-thanh-nam")
      const byType = (l: any, type: string) => l.entries.filter((e: any) => e.type === type)
      expect(byType(tn, "sale")[0]).toMatchObject({ amount: 240000, order: { id: p1.orderOf("htx-che-thanh-nam").id, display_id: p1.orderOf("htx-che-thanh-nam").display_id } })
      expect(byType(tn, "commission")[0]).toMatchObject({ amount: -36000, rate_bps: 1500, commission_rate_id: tea.id })
      expect(byType(tn, "shipping")[0]).toMatchObject({ amount: 30000 })
      // Available a week after delivery.
      const availableAt = Date.parse(byType(tn, "sale")[0].available_at)
      expect(availableAt).toBeGreaterThanOrEqual(t0 + 7 * DAY - 1000)
      expect(availableAt).toBeLessThanOrEqual(t1 + 7 * DAY + 1000)
      expect(byType(await ledgerOf("htx-che-da-hen"), "commission")[0]).toMatchObject({ amount: -6500, rate_bps: 500 })
      expect(byType(await ledgerOf("dafusa-phu-da"), "commission")[0]).toMatchObject({ amount: -7600, rate_bps: 800 })
      expect(byType(await ledgerOf("htx-dat-to-seed"), "commission")[0]).toMatchObject({ amount: -4500, rate_bps: 1000, commission_rate_id: null })

      // The same delivery event again, and the booking workflow run twice more: nothing is booked twice.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "delivery.created", data: { id: tnFulfillment } })
      for (let i = 0; i < 2; i++) {
        const { result } = await bookDeliveredOrderWorkflow(getContainer()).run({ input: { order_id: p1.orderOf("htx-che-thanh-nam").id } })
        expect(result).toMatchObject({ delivered: true, booked: 0, skipped: 3 })
      }
      await new Promise((r) => setTimeout(r, 1000))
      expect((await ledgerOf("htx-che-thanh-nam")).count).toBe(3)

      // The union raises tea to 20 %: the lines already booked keep 15 %.
      await api.post(`/admin/commission-rates/${tea.id}`, { rate_bps: 2000 }, asAdmin())
      // Purchase 3: Thanh Nam tea 280.000 (delivered) and Dafusa tofu 2 × 25.000 (never delivered: nothing booked).
      const p3 = await purchase([["THANHNAM-TX-500", 1], ["DAFUSA-DPT-500", 2]])
      await markPaid(p3.group.id)
      await deliver("htx-che-thanh-nam", p3.orderOf("htx-che-thanh-nam").id)
      const after = await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 6, "the second Thanh Nam order")
      expect(byType(after, "commission").map((e: any) => [e.order.id, e.amount, e.rate_bps])).toEqual([
        [p3.orderOf("htx-che-thanh-nam").id, -56000, 2000],
        [p1.orderOf("htx-che-thanh-nam").id, -36000, 1500],
      ])

      // A complaint after delivery: the union refunds 50.000 ₫ of Thanh Nam's first order; too much is refused.
      const tooMuch = await call(api.post(`/admin/orders/${p1.orderOf("htx-che-thanh-nam").id}/refunds`, { amount: 270001 }, asAdmin()))
      expect([tooMuch.status, tooMuch.data.code]).toEqual([409, "refund_exceeds_share"])
      expect((await call(api.post(`/admin/orders/${p1.orderOf("htx-che-thanh-nam").id}/refunds`, { amount: 0 }, asAdmin()))).status).toBe(400)
      const refunded = await call(api.post(`/admin/orders/${p1.orderOf("htx-che-thanh-nam").id}/refunds`, { amount: 50000, note: "Hộp bị móp" }, asAdmin()))
      expect(refunded.status).toBe(201)
      expect(refunded.data.ledger_entries_booked).toBe(1)
      const withRefund = await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 7, "the refund line")
      expect(byType(withRefund, "refund")).toEqual([
        expect.objectContaining({ amount: -50000, source: { type: "refund", id: refunded.data.refund.id }, available: true, order: expect.objectContaining({ id: p1.orderOf("htx-che-thanh-nam").id }) }),
      ])
      // Medusa's payment.refunded again: the refund is not booked twice.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.refunded", data: { id: (await getContainer().resolve(Modules.PAYMENT).listRefunds({ id: refunded.data.refund.id }, { select: ["payment_id"] }))[0].payment_id } })
      await new Promise((r) => setTimeout(r, 1000))
      expect((await ledgerOf("htx-che-thanh-nam")).count).toBe(7)

      // The union compensates Đất Tổ for a damaged crate; the retried request books once.
      const adj = { amount: 20000, reason: "Bù hàng hư hỏng khi vận chuyển", idempotency_key: "datto-2026-11-crate" }
      const first = await call(api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/ledger-adjustments`, adj, asAdmin()))
      expect([first.status, first.data.entry.amount, first.data.entry.reason]).toEqual([201, 20000, adj.reason])
      const retry = await call(api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/ledger-adjustments`, adj, asAdmin()))
      expect([retry.status, retry.data.entry.id, retry.data.created]).toEqual([200, first.data.entry.id, false])
      const reused = await call(api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/ledger-adjustments`, { ...adj, amount: 30000 }, asAdmin()))
      expect([reused.status, reused.data.code]).toEqual([409, "idempotency_key_reused"])
      for (const body of [{ amount: 20000 }, { amount: 20000, reason: "  " }, { amount: 0, reason: "x" }, { amount: 100.5, reason: "x" }]) {
        const res = await call(api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/ledger-adjustments`, body, asAdmin()))
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code: "invalid_request" })
      }
      expect((await call(api.post(`/admin/cooperatives/coop_nope/ledger-adjustments`, { amount: 1, reason: "x" }, asAdmin()))).status).toBe(404)
      // A negative adjustment with a reason is fine (the status actions beside it are untouched).
      expect((await call(api.post(`/admin/cooperatives/${coop["htx-che-da-hen"]}/ledger-adjustments`, { amount: -3500, reason: "Phí in tem QR" }, asAdmin()))).status).toBe(201)

      // Reconciliation: sales + shipping − commission − refunds ± adjustments − payouts = balance, to the đồng.
      expect(await reconciliationOf("htx-che-thanh-nam")).toMatchObject({
        sales: 520000, shipping: 60000, commission: 92000, refunds: 50000, adjustments: 0, payouts: 0, payout_reversals: 0,
        balance: 438000, available: -50000, pending: 488000, entry_count: 7, balanced: true,
        cooperative: { id: coop["htx-che-thanh-nam"], handle: "htx-che-thanh-nam" },
      })
      expect(await reconciliationOf("dafusa-phu-da")).toMatchObject({ sales: 95000, shipping: 30000, commission: 7600, refunds: 0, balance: 117400, available: 0, pending: 117400, balanced: true })
      expect(await reconciliationOf("htx-che-da-hen")).toMatchObject({ sales: 130000, shipping: 30000, commission: 6500, adjustments: -3500, balance: 150000, available: -3500, pending: 153500, balanced: true })
      expect(await reconciliationOf("htx-dat-to-seed")).toMatchObject({ sales: 45000, shipping: 30000, commission: 4500, adjustments: 20000, balance: 90500, available: 20000, pending: 70500, balanced: true })
      expect(await reconciliationOf("htx-thuy-bang")).toMatchObject({ balance: 0, entry_count: 0, balanced: true })

      const all = (await api.get(`/admin/ledger/reconciliation?limit=2`, asAdmin())).data
      expect(all).toMatchObject({ count: 4, limit: 2, offset: 0 })
      expect(all.reconciliations).toHaveLength(2)
      expect(all.totals).toMatchObject({ sales: 790000, shipping: 150000, commission: 110600, refunds: 50000, adjustments: 16500, balance: 795900, balanced: true })
      const second = (await api.get(`/admin/ledger/reconciliation?limit=2&offset=2`, asAdmin())).data.reconciliations
      expect([...all.reconciliations, ...second].reduce((a: number, r: any) => a + r.balance, 0)).toBe(795900)
      expect((await call(api.get(`/admin/ledger/reconciliation?cooperative_id=coop_nope`, asAdmin()))).status).toBe(404)
      expect((await call(api.get(`/admin/ledger/reconciliation?limit=0`, asAdmin()))).status).toBe(400)

      // The ledger's lines add up to what the reconciliation says, and the database refuses to rewrite one.
      const lines = (await ledgerOf("htx-che-thanh-nam")).entries
      expect(lines.reduce((a: number, e: any) => a + e.amount, 0)).toBe(438000)
      const knex: any = getContainer().resolve("__pg_connection__")
      await expect(knex.raw(`update ledger_entry set amount = 0 where id = ?`, [lines[0].id])).rejects.toThrow(/append-only/)

      // The next test reads this season's ledger instead of the freshly seeded marketplace.
      await (dbUtils as any).snapshot()
    })

    it("a cooperative reads its own balance and lines, filters them, exports them for Excel, and never sees another's", async () => {
      const tn = vendor["htx-che-thanh-nam"]
      const { data } = await api.get(`/vendor/ledger`, bearer(tn))
      expect(data).toMatchObject({ currency_code: "vnd", balance: 438000, available: -50000, pending: 488000, count: 7, limit: 20, offset: 0 })
      // Newest first: the refund, then the second order's lines.
      expect(data.entries[0]).toMatchObject({ type: "refund", amount: -50000 })
      expect(data.entries.every((e: any) => e.order?.id && typeof e.order.display_id === "number")).toBe(true)
      const times = data.entries.map((e: any) => Date.parse(e.occurred_at))
      expect([...times].sort((a, b) => b - a)).toEqual(times)

      const commissions = (await api.get(`/vendor/ledger?type=commission`, bearer(tn))).data
      expect(commissions.entries.map((e: any) => e.rate_bps)).toEqual([2000, 1500])
      expect((await api.get(`/vendor/ledger?type=sale,shipping&limit=1&offset=1`, bearer(tn))).data).toMatchObject({ count: 4, entries: [expect.any(Object)] })
      const tomorrow = new Date(Date.now() + DAY + 7 * 3600_000).toISOString().slice(0, 10)
      expect((await api.get(`/vendor/ledger?from=${tomorrow}`, bearer(tn))).data.count).toBe(0)
      expect((await api.get(`/vendor/ledger?to=${tomorrow}`, bearer(tn))).data.count).toBe(7)
      for (const qs of ["type=bonus", "from=hôm-qua", "limit=1000", `cooperative_id=${coop["dafusa-phu-da"]}`]) {
        const res = await call(api.get(`/vendor/ledger?${qs}`, bearer(tn)))
        expect({ qs, status: res.status, code: res.data.code }).toEqual({ qs, status: 400, code: "invalid_request" })
      }

      const csv = await exportCsv(api, tn)
      expect(csv.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/)
      expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="so-cai-htx-che-thanh-nam-\d{4}-\d{2}-\d{2}\.csv"/)
      expect(csv.bom).toBe("efbbbf")
      const rows = csv.text.trim().split("\r\n")
      expect(rows[0]).toBe("date,type,description,order,amount,rate")
      expect(rows).toHaveLength(8)
      expect(rows[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},refund,"?Hoàn tiền cho khách, đơn #\d+"?,#\d+,-50000,$/)
      expect(rows.find((r: string) => r.includes(",commission,") && r.endsWith(",15%"))).toContain("Hoa hồng 15%")
      expect((await exportCsv(api, tn, "?type=sale")).text.trim().split("\r\n")).toHaveLength(3)
      expect((await call(api.get(`/vendor/ledger/export.csv?type=bonus`, bearer(tn)))).status).toBe(400)

      // Dafusa sees only its own lines; Thanh Nam's orders appear nowhere in its ledger or export.
      const dafusa = (await api.get(`/vendor/ledger?limit=100`, bearer(vendor["dafusa-phu-da"]))).data
      expect(dafusa).toMatchObject({ balance: 117400, count: 3 })
      const tnOrders = data.entries.map((e: any) => e.order.id)
      expect(dafusa.entries.some((e: any) => tnOrders.includes(e.order?.id))).toBe(false)
      const dafusaCsv = (await exportCsv(api, vendor["dafusa-phu-da"])).text
      expect(dafusaCsv).not.toContain("-50000")
      expect((await call(api.get(`/vendor/ledger`))).status).toBe(401)

      // The union sees the same statement for any cooperative.
      const adminView = (await api.get(`/admin/cooperatives/${coop["htx-che-thanh-nam"]}/ledger`, asAdmin())).data
      expect(adminView).toMatchObject({ balance: 438000, available: -50000, pending: 488000, count: 7 })
      expect((await call(api.get(`/admin/cooperatives/coop_nope/ledger`, asAdmin()))).status).toBe(404)
    })
  },
})
