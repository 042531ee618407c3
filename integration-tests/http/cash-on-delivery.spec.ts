import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { lastEndedPeriod } from "../../src/modules/payout/period"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { ORDER_GROUP_MODULE } from "../../src/modules/order-group"
import { bookDeliveredOrderWorkflow } from "../../src/workflows/ledger/book-delivered-order"
import { runPayoutsWorkflow } from "../../src/workflows/payout/run-payouts"
import { complete, readyCart } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(400_000)

// Who holds the cash (issue 13, docs/money/cash-on-delivery.md). The union's receiving account for
// VietQR purchases, a 7-day hold, the 10 % default commission, weekly payouts of at least 100.000 ₫;
// COD_COLLECTOR unset: cash on delivery is collected by the cooperative unless it is set otherwise.
const ENV = {
  VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "", PAYOUT_PERIOD: "week", PAYOUT_MIN_AMOUNT: "100000", COD_COLLECTOR: "", STRIPE_API_KEY: "",
}
useEnv(ENV)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let admin: string
    const variant: Record<string, string> = {}
    const coop: Record<string, string> = {}
    const vendor: Record<string, string> = {}

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      admin = await adminToken(api)
      const { data } = await api.get(`/store/products?limit=100&fields=id,*variants`, storeHeaders(pk))
      for (const p of data.products) for (const v of p.variants) variant[v.sku] = v.id
      const { data: listed } = await api.get(`/admin/cooperatives?limit=100`, bearer(admin))
      for (const c of listed.cooperatives) coop[c.handle] = c.id
      for (const handle of ["htx-che-thanh-nam", "dafusa-phu-da", "htx-che-da-hen", "htx-dat-to-seed"]) vendor[handle] = await demoVendorToken(api, handle)
    })

    const asAdmin = () => bearer(admin)
    const ledgerOf = async (handle: string) => (await api.get(`/admin/cooperatives/${coop[handle]}/ledger?limit=100`, asAdmin())).data
    const reconciliationOf = async (handle: string) =>
      (await api.get(`/admin/ledger/reconciliation?cooperative_id=${coop[handle]}`, asAdmin())).data.reconciliation
    const byType = (l: any, type: string) => l.entries.filter((e: any) => e.type === type)
    const remit = (body: object, token = admin) => call(api.post(`/admin/cod-remittances`, body, bearer(token)))

    async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
      const until = Date.now() + 20_000
      for (;;) {
        const value = await read()
        if (done(value)) return value
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    async function deliver(handle: string, orderId: string) {
      const token = vendor[handle]
      const packed = await api.post(`/vendor/orders/${orderId}/fulfillments`, {}, bearer(token))
      const fulfillmentId = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/ship`, { carrier: "GHN", tracking_number: `GHN${Date.now()}` }, bearer(token))
      const delivered = await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(token))
      expect(delivered.data.order.progress).toBe("delivered")
    }

    async function purchase(lines: [string, number][], provider_id = "pp_system_default") {
      const cartId = await readyCart(api, pk, regionId, lines.map(([sku, quantity]) => ({ variant_id: variant[sku], quantity })), { provider_id })
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      const group = done.data.order_group
      return { group, orderOf: (handle: string) => group.orders.find((o: any) => o.cooperative.handle === handle) }
    }

    /** A payout run as the scheduler would start it at `at` (the last week ended by then). */
    async function runPayoutsAt(at: Date) {
      const { result } = await runPayoutsWorkflow(getContainer()).run({ input: { at: at.toISOString(), triggered_by: "test" } })
      return (await api.get(`/admin/payout-runs/${result.run_id}`, asAdmin())).data.payout_run
    }

    it("the union sets who collects a cooperative's cash on delivery; the cooperative sees it; bad values and non-admins are refused", async () => {
      const path = `/admin/cooperatives/${coop["dafusa-phu-da"]}/cod-collector`
      const before = (await api.get(`/admin/cooperatives/${coop["dafusa-phu-da"]}`, asAdmin())).data.cooperative
      expect(before).toMatchObject({ cod_collector: null, cash_on_delivery: { collector: "cooperative", setting: null, source: "union_default" } })

      for (const body of [{ cod_collector: "bank" }, {}, { cod_collector: 1 }, { cod_collector: "union", extra: true }, { cod_collector: "" }]) {
        const res = await call(api.post(path, body, asAdmin()))
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status: 400, code: "invalid_request" })
      }
      expect((await call(api.post(`/admin/cooperatives/coop_nope/cod-collector`, { cod_collector: "union" }, asAdmin()))).status).toBe(404)
      expect((await call(api.post(path, { cod_collector: "union" }, bearer(vendor["dafusa-phu-da"])))).status).toBe(401)
      expect((await call(api.post(path, { cod_collector: "union" }))).status).toBe(401)

      const set = await call(api.post(path, { cod_collector: "union" }, asAdmin()))
      expect(set.status).toBe(200)
      expect(set.data.cooperative).toMatchObject({ cod_collector: "union", cash_on_delivery: { collector: "union", setting: "union", source: "cooperative" } })
      const own = (await api.get(`/vendor/cooperative`, bearer(vendor["dafusa-phu-da"]))).data.cooperative
      expect(own).toMatchObject({ cod_collector: "union", cash_on_delivery: { collector: "union" } })
      expect((await api.get(`/admin/cooperatives/${coop["dafusa-phu-da"]}`, asAdmin())).data.cooperative.cash_on_delivery.collector).toBe("union")

      // null follows the union's COD_COLLECTOR again.
      process.env.COD_COLLECTOR = "union"
      const reset = await call(api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/cod-collector`, { cod_collector: null }, asAdmin()))
      expect(reset.data.cooperative).toMatchObject({ cod_collector: null, cash_on_delivery: { collector: "union", source: "union_default" } })
      process.env.COD_COLLECTOR = ""
    })

    it("cash on delivery: the cooperative's own carrier leaves it owing commission, netted by its next payout; the union's carrier makes the sale payable only once remitted; an unpaid VietQR order is never paid out", async () => {
      const t0 = Date.now()
      // (Each test starts from the seeded marketplace.)
      await api.post(`/admin/cooperatives/${coop["dafusa-phu-da"]}/cod-collector`, { cod_collector: "union" }, asAdmin())
      // Thanh Nam collects its cash itself (the default); Dafusa's is collected by the union's carrier.
      const p1 = await purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]])
      const tnOrder = p1.orderOf("htx-che-thanh-nam")
      const dfOrder = p1.orderOf("dafusa-phu-da")
      expect([tnOrder.payment_share, dfOrder.payment_share]).toEqual([270000, 125000])
      // The shopper's purchase says who receives each order's money.
      expect([tnOrder.payment_collector, dfOrder.payment_collector]).toEqual(["cooperative", "union"])
      const [group] = await (getContainer().resolve(ORDER_GROUP_MODULE) as any).listOrderGroups({ id: p1.group.id })
      expect(group.shares.map((s: any) => [s.order_id, s.method, s.collector])).toEqual(
        expect.arrayContaining([[tnOrder.id, "cod", "cooperative"], [dfOrder.id, "cod", "union"]])
      )
      // A VietQR purchase from Đá Hen the shopper never pays (yet).
      const p2 = await purchase([["DAHEN-CB-200", 2]], "pp_vietqr_vietqr")
      const dhOrder = p2.orderOf("htx-che-da-hen")

      await deliver("htx-che-thanh-nam", tnOrder.id)
      await deliver("dafusa-phu-da", dfOrder.id)
      await deliver("htx-che-da-hen", dhOrder.id)

      // Thanh Nam: sale, commission and shipping as always, plus the cash it holds; all available now.
      const tn = await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 4, "Thanh Nam's four lines")
      expect(byType(tn, "sale")[0]).toMatchObject({ amount: 240000, available: true })
      expect(byType(tn, "commission")[0]).toMatchObject({ amount: -24000, available: true, rate_bps: 1000 })
      expect(byType(tn, "shipping")[0]).toMatchObject({ amount: 30000, available: true })
      expect(byType(tn, "cash_collected")[0]).toMatchObject({ amount: -270000, available: true, source: { type: "order", id: tnOrder.id }, order: { id: tnOrder.id } })
      expect(tn).toMatchObject({ balance: -24000, available: -24000, pending: 0, cash_collected: 270000, commission_owed: 24000, remittances: 0 })
      const own = (await api.get(`/vendor/ledger`, bearer(vendor["htx-che-thanh-nam"]))).data
      expect(own).toMatchObject({ balance: -24000, commission_owed: 24000, cash_collected: 270000 })
      const csv = Buffer.from((await api.get(`/vendor/ledger/export.csv`, { ...bearer(vendor["htx-che-thanh-nam"]), responseType: "arraybuffer" })).data).subarray(3).toString("utf8")
      expect(csv.split("\r\n").find((r) => r.includes(",cash_collected,"))).toMatch(/Tiền mặt HTX đã thu của khách.*,#\d+,-270000,$/)

      // Dafusa (union's carrier, not remitted) and Đá Hen (transfer not received): delivered, nothing booked.
      for (const orderId of [dfOrder.id, dhOrder.id]) {
        const { result } = await bookDeliveredOrderWorkflow(getContainer()).run({ input: { order_id: orderId } })
        expect(result).toMatchObject({ delivered: true, awaiting_payment: true, booked: 0 })
      }
      expect((await ledgerOf("dafusa-phu-da")).count).toBe(0)
      expect((await ledgerOf("htx-che-da-hen")).count).toBe(0)

      // Remittances: only union admins, only union-collected cash on delivery, only the share to the đồng.
      const good = { order_id: dfOrder.id, carrier: "GHN", amount: 125000, reference: "GHN-CK-0001" }
      expect((await remit(good, vendor["dafusa-phu-da"])).status).toBe(401)
      expect((await call(api.post(`/admin/cod-remittances`, good))).status).toBe(401)
      const attempts: [object, number, string][] = [
        [{ ...good, order_id: "order_nope" }, 404, "not_found"],
        [{ ...good, order_id: tnOrder.id, amount: 270000 }, 409, "not_union_collected"],
        [{ ...good, order_id: dhOrder.id, amount: 160000 }, 409, "not_cash_on_delivery"],
        [{ ...good, amount: 124999 }, 422, "remittance_amount_mismatch"],
        [{ ...good, amount: 125001 }, 422, "remittance_amount_mismatch"],
        [{ ...good, amount: "125000" }, 400, "invalid_request"],
        [{ ...good, amount: 125000.5 }, 400, "invalid_request"],
        [{ ...good, amount: -125000 }, 400, "invalid_request"],
        [{ ...good, amount: 1e13 }, 400, "invalid_request"],
        [{ ...good, carrier: "" }, 400, "invalid_request"],
        [{ ...good, remitted_at: new Date(Date.now() + 2 * DAY).toISOString() }, 400, "invalid_request"],
        [{ ...good, remitted_at: "hôm qua" }, 400, "invalid_request"],
        [{ ...good, remitted_at: "2026-02-31" }, 400, "invalid_request"],
        [{ ...good, cooperative_id: coop["dafusa-phu-da"] }, 400, "invalid_request"],
        [{ order_id: ["x"], carrier: "GHN", amount: 1 }, 400, "invalid_request"],
      ]
      for (const [body, status, code] of attempts) {
        const res = await remit(body)
        expect({ body, status: res.status, code: res.data.code }).toEqual({ body, status, code })
      }
      expect(await (getContainer().resolve(LEDGER_MODULE) as any).listCodRemittances({})).toEqual([])

      // The same remittance twice at once: recorded once, captured once.
      const both = await Promise.all([remit(good), remit(good)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 201])
      const first = both.find((r) => r.status === 201)!.data
      expect(first).toMatchObject({ created: true, remittance: { order: { id: dfOrder.id, display_id: dfOrder.display_id }, carrier: "GHN", amount: 125000, source: "admin" }, booking: { delivered: true, awaiting_payment: false } })
      // (booked by this request, or first by the payment.captured subscriber: either way once)
      expect(both.find((r) => r.status === 200)!.data).toMatchObject({ created: false, remittance: { id: first.remittance.id } })
      const other = await remit({ ...good, reference: "GHN-CK-9999" })
      expect([other.status, other.data.code]).toEqual([409, "remittance_exists"])
      const transactions = await getContainer().resolve(Modules.ORDER).listOrderTransactions({ order_id: dfOrder.id })
      expect(transactions.map((t: any) => Number(t.amount))).toEqual([125000])
      const { data: collections } = await getContainer().resolve("query").graph({
        entity: "payment_collection", fields: ["payments.captures.amount"], filters: { id: group.payment_collection_id },
      })
      expect(collections[0].payments.flatMap((p: any) => p.captures.map((c: any) => Number(c.amount)))).toEqual([125000])

      // Dafusa's sale is booked now, payable after the hold (the money is in, the hold is not over).
      const df = await ledgerOf("dafusa-phu-da")
      expect(df).toMatchObject({ count: 3, balance: 115500, available: 0, pending: 115500, remittances: 125000, cash_collected: 0, commission_owed: 0 })
      const dfAvailableAt = Date.parse(byType(df, "sale")[0].available_at)
      expect(dfAvailableAt).toBeGreaterThanOrEqual(t0 + 7 * DAY)
      expect(dfAvailableAt).toBeLessThanOrEqual(Date.now() + 7 * DAY)

      const listed = (await api.get(`/admin/cod-remittances?cooperative_id=${coop["dafusa-phu-da"]}`, asAdmin())).data
      expect(listed).toMatchObject({ count: 1, cod_remittances: [{ id: first.remittance.id, amount: 125000, reference: "GHN-CK-0001" }] })
      expect((await api.get(`/admin/cod-remittances?carrier=VTP`, asAdmin())).data.count).toBe(0)
      expect((await api.get(`/admin/cod-remittances?from=2000-01-01&to=2199-01-01`, asAdmin())).data.count).toBe(1)
      for (const qs of ["limit=0", "from=hôm-qua", "source=bank", "surprise=1"]) {
        const res = await call(api.get(`/admin/cod-remittances?${qs}`, asAdmin()))
        expect({ qs, status: res.status }).toEqual({ qs, status: 400 })
      }
      expect((await call(api.get(`/admin/cod-remittances`, bearer(vendor["dafusa-phu-da"])))).status).toBe(401)

      // Reconciliation shows what Thanh Nam owes, the cash it holds and Dafusa's remittance.
      expect(await reconciliationOf("htx-che-thanh-nam")).toMatchObject({
        sales: 240000, shipping: 30000, commission: 24000, cash_collected: 270000, failed_deliveries: 0, balance: -24000, commission_owed: 24000, remittances: 0, balanced: true,
      })
      expect(await reconciliationOf("dafusa-phu-da")).toMatchObject({ sales: 95000, cash_collected: 0, remittances: 125000, balance: 115500, commission_owed: 0, balanced: true })
      const all = (await api.get(`/admin/ledger/reconciliation`, asAdmin())).data
      expect(all.identity).toContain("cash_collected")
      expect(all.totals).toMatchObject({ cash_collected: 270000, commission_owed: 24000, remittances: 125000, balance: 91500, balanced: true })

      // The week of these deliveries is paid: Thanh Nam owes (skipped, with the amount), Đá Hen has
      // nothing booked, Dafusa's hold is not over. Nobody is paid.
      const runA = await runPayoutsAt(new Date(t0 + 7 * DAY))
      expect(runA.payouts ?? []).toEqual([])
      expect(runA.skipped).toEqual([expect.objectContaining({ cooperative_id: coop["htx-che-thanh-nam"], reason: "owes_commission", available: -24000, owes: 24000 })])

      // The shopper's transfer arrives: Đá Hen's delivered order is booked, payable after the hold.
      expect((await call(api.post(`/admin/order-groups/${p2.group.id}/mark-paid`, {}, asAdmin()))).data.captured).toBe(true)
      const dh = await eventually(() => ledgerOf("htx-che-da-hen"), (l) => l.count === 3, "Đá Hen's booking after the transfer")
      expect(dh).toMatchObject({ balance: 147000, available: 0 })
      expect(Date.parse(byType(dh, "sale")[0].available_at)).toBeGreaterThanOrEqual(t0 + 7 * DAY)

      // Thanh Nam sells again, paid by transfer: its next payout settles the commission it owed.
      const p3 = await purchase([["THANHNAM-TX-200", 2]], "pp_vietqr_vietqr")
      await call(api.post(`/admin/order-groups/${p3.group.id}/mark-paid`, {}, asAdmin()))
      await deliver("htx-che-thanh-nam", p3.orderOf("htx-che-thanh-nam").id)
      await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 7, "Thanh Nam's second order")

      const runB = await runPayoutsAt(new Date(t0 + 14 * DAY))
      expect(runB.period).not.toBe(runA.period)
      expect(runB.period).toBe(lastEndedPeriod(new Date(t0 + 14 * DAY), "week").key)
      const paid = Object.fromEntries((await (getContainer().resolve(LEDGER_MODULE) as any).listPayouts({ run_id: runB.id })).map((p: any) => [p.cooperative_id, p.amount]))
      expect(paid).toEqual({
        [coop["htx-che-thanh-nam"]]: 246000 - 24000,
        [coop["dafusa-phu-da"]]: 115500,
        [coop["htx-che-da-hen"]]: 147000,
      })
      expect(runB.skipped).toEqual([])
      expect(await reconciliationOf("htx-che-thanh-nam")).toMatchObject({ balance: 0, commission_owed: 0, cash_collected: 270000, payouts: 222000, balanced: true })
    })

    it("a carrier's remittance statement is imported row by row: recorded, already recorded or rejected with a reason; the same file twice records nothing twice; garbage is a 4xx", async () => {
      // Đất Tổ's order is placed while it collects its cash itself; the union's carrier takes over afterwards.
      await api.post(`/admin/cooperatives/${coop["dafusa-phu-da"]}/cod-collector`, { cod_collector: "union" }, asAdmin())
      const p = await purchase([["DAFUSA-DPT-500", 2], ["DATTO-HL-500", 3]])
      const df = p.orderOf("dafusa-phu-da")
      const dt = p.orderOf("htx-dat-to-seed")
      expect([df.payment_share, dt.payment_share]).toEqual([80000, 75000])
      await api.post(`/admin/cooperatives/${coop["htx-dat-to-seed"]}/cod-collector`, { cod_collector: "union" }, asAdmin())

      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
      const statement = [
        "order;carrier;amount;reference;remitted_at",
        `#${df.display_id};GHN;80.000 ₫;GHN-BK-1201;${today}`,
        `${df.id};GHN;80000;GHN-BK-1201;`,
        `#${dt.display_id};GHN;75000;GHN-BK-1201;${today}`,
        `#999999;GHN;1000;;`,
        `#${df.display_id};GHN;80001;GHN-BK-1201;`,
        `abc;GHN;1000;;`,
        `#${df.display_id};;80000;;`,
        `#${df.display_id};GHN;-80000;;`,
        `"=HYPERLINK(""x"")";GHN;1000;;`,
        `#${df.display_id};GHN;80000;;31/02/2026`,
        `#${df.display_id};GHN;80000;;2199-01-01`,
        "",
      ].join("\r\n")
      const imported = await call(api.post(`/admin/cod-remittances/import`, statement, { headers: { ...bearer(admin).headers, "content-type": "text/csv" } }))
      expect(imported.status).toBe(200)
      expect(imported.data.summary).toEqual({ rows: 11, recorded: 1, already_recorded: 1, rejected: 9 })
      expect(imported.data.rows.map((r: any) => [r.line, r.status, r.code ?? null])).toEqual([
        [2, "recorded", null],
        [3, "already_recorded", null],
        [4, "rejected", "not_union_collected"],
        [5, "rejected", "not_found"],
        [6, "rejected", "remittance_amount_mismatch"],
        [7, "rejected", "invalid_order"],
        [8, "rejected", "invalid_carrier"],
        [9, "rejected", "invalid_amount"],
        [10, "rejected", "invalid_order"],
        [11, "rejected", "invalid_remitted_at"],
        [12, "rejected", "invalid_remitted_at"],
      ])
      const [recorded] = (await api.get(`/admin/cod-remittances?order_id=${df.id}`, asAdmin())).data.cod_remittances
      expect(recorded).toMatchObject({ amount: 80000, carrier: "GHN", reference: "GHN-BK-1201", source: "csv", order: { display_id: df.display_id } })
      expect(new Date(recorded.remitted_at).toISOString()).toBe(new Date(`${today}T00:00:00+07:00`).toISOString())

      // The same file again (as JSON this time): nothing new.
      const again = await call(api.post(`/admin/cod-remittances/import`, { csv: statement }, asAdmin()))
      expect(again.data.summary).toEqual({ rows: 11, recorded: 0, already_recorded: 2, rejected: 9 })
      expect((await api.get(`/admin/cod-remittances?cooperative_id=${coop["dafusa-phu-da"]}`, asAdmin())).data.count).toBe(1)

      // Remitted before delivery: booked at delivery, payable after the hold.
      await deliver("dafusa-phu-da", df.id)
      const dfLedger = await eventually(() => ledgerOf("dafusa-phu-da"), (l) => l.entries.some((e: any) => e.order?.id === df.id && e.type === "sale"), "Dafusa's remitted order")
      expect(dfLedger.entries.filter((e: any) => e.order?.id === df.id).every((e: any) => !e.available)).toBe(true)

      const send = (body: any, type: string, token = admin) =>
        call(api.post(`/admin/cod-remittances/import`, body, { headers: { authorization: `Bearer ${token}`, "content-type": type }, transformRequest: [(d: any) => d] }))
      const garbage: [any, string, number, string][] = [
        ["", "text/csv", 400, "empty_statement"],
        [Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x9c, 0x80, 0x0a, 0x41]), "text/csv", 400, "invalid_csv_header"],
        ['order,carrier,amount\n"#1,GHN,1000\n', "text/csv", 400, "invalid_csv"],
        ["carrier,amount\nGHN,1000\n", "text/csv", 400, "invalid_csv_header"],
        ['{"csv": 42}', "application/json", 400, "invalid_request"],
        ['{"csv": ', "application/json", 400, "invalid_request"],
        ["[]", "application/json", 400, "invalid_request"],
        ["order,carrier,amount\n", "image/png", 415, "unsupported_media_type"],
        ["order,carrier,amount\n" + "#1,GHN,1000\n".repeat(2001), "text/csv", 413, "statement_too_large"],
        ["order,carrier,amount\n" + "x".repeat(1_200_000), "text/csv", 413, "statement_too_large"],
      ]
      for (const [body, type, status, code] of garbage) {
        const res = await send(body, type)
        expect({ type, status: res.status, code: res.data.code }).toEqual({ type, status, code })
      }
      const nul = await send("order,carrier,amount\n#1,GH\u0000N,1000\n", "text/csv")
      expect([nul.status, nul.data.rows?.[0]?.code]).toEqual([200, "invalid_row"])
      expect((await send(statement, "text/csv", vendor["dafusa-phu-da"])).status).toBe(401)
      expect((await call(api.post(`/admin/cod-remittances/import`, { csv: statement }))).status).toBe(401)
      expect((await api.get(`/admin/cod-remittances`, asAdmin())).data.count).toBe(1)
    })
  },
})
