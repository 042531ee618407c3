import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { bookDeliveredOrderWorkflow } from "../../src/workflows/ledger/book-delivered-order"
import { MAX_VND } from "../../src/lib/money"
import { complete, readyCart, stockOf } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(300_000)

// The union's receiving account (purchases paid by transfer, and refunded); the rules under test
// (FAILED_DELIVERY_COST_BEARER, COD_COLLECTOR) are read when used, so each case sets its own.
const ENV = {
  VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "", FAILED_DELIVERY_COST_BEARER: "", COD_COLLECTOR: "",
}
useEnv(ENV)

const TN = "htx-che-thanh-nam"
const DAFUSA = "dafusa-phu-da"

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
      for (const handle of [TN, DAFUSA]) vendor[handle] = await demoVendorToken(api, handle)
    })

    const asAdmin = () => bearer(admin)
    const ledgerOf = async (handle: string) => (await api.get(`/admin/cooperatives/${coop[handle]}/ledger?limit=100`, asAdmin())).data
    const fail = (handle: string, orderId: string, fulfillmentId: string, body: unknown) =>
      call(api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/fail-delivery`, body, bearer(vendor[handle])))

    async function purchase(lines: [string, number][], provider_id = "pp_system_default") {
      const cartId = await readyCart(api, pk, regionId, lines.map(([sku, quantity]) => ({ variant_id: variant[sku], quantity })), { provider_id })
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      const group = done.data.order_group
      return { group, orderOf: (handle: string) => group.orders.find((o: any) => o.cooperative.handle === handle) }
    }

    /** Packs (all items, or the given ones) and ships; returns the fulfilment id. */
    async function packAndShip(handle: string, orderId: string, items?: { id: string; quantity: number }[]) {
      const packed = await api.post(`/vendor/orders/${orderId}/fulfillments`, items ? { items } : {}, bearer(vendor[handle]))
      const fulfillmentId = packed.data.order.fulfillments.find((f: any) => !f.shipped_at && !f.canceled_at).id
      await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/ship`, { carrier: "GHN", tracking_number: `GHN${Date.now()}` }, bearer(vendor[handle]))
      return fulfillmentId as string
    }

    /** Subscribers run after the request answered: give them time, then read. */
    const settle = () => new Promise((r) => setTimeout(r, 1500))

    it("a refused cash-on-delivery parcel: its stock comes back, no sale is ever booked, the return shipping is booked as the union's rule says, and the shopper sees it returned", async () => {
      // Every pairing of who collected the cash (so who paid the carrier) and who bears the cost.
      const cases = [
        { collector: "union", bearer: "cooperative", expected: -32000 },
        { collector: "cooperative", bearer: "union", expected: 32000 },
        { collector: "union", bearer: "union", expected: 0 },
        { collector: "cooperative", bearer: "", expected: 0 }, // the default: the cooperative bears it
      ]
      const stockBefore = (await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity
      const results: any[] = []
      for (const c of cases) {
        process.env.COD_COLLECTOR = c.collector
        const p = await purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]])
        const order = p.orderOf(TN)
        const fulfillmentId = await packAndShip(TN, order.id)
        expect((await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity).toBe(stockBefore - 2)

        process.env.FAILED_DELIVERY_COST_BEARER = c.bearer
        const failed = await fail(TN, order.id, fulfillmentId, { reason: "refused", note: "Khách không nghe máy, từ chối nhận", return_shipping_cost: 32000 })
        expect(failed.status).toBe(200)
        // Measured through the cooperative's own stock page: both boxes are back at its warehouse.
        const stockAfter = (await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity
        results.push({ ...c, ledger_amount: failed.data.ledger_amount, refund: failed.data.refund, progress: failed.data.order.progress, stock_back: stockAfter === stockBefore })
        expect(failed.data.order.failed_delivery).toMatchObject({ reason: "refused", note: "Khách không nghe máy, từ chối nhận", return_shipping_cost: 32000 })
        expect(failed.data.order.fulfillments[0].failed_delivery).toMatchObject({ reason: "refused", return_shipping_cost: 32000 })

        // The shopper's purchase shows this order returned, with the reason, but not the union's cost or the staff note.
        const seen = (await api.get(`/store/order-groups/${p.group.id}`, storeHeaders(pk))).data.order_group
        const mine = seen.orders.find((o: any) => o.id === order.id)
        expect(mine.progress).toBe("returned")
        expect(Object.keys(mine.failed_delivery).sort()).toEqual(["reason", "recorded_at"])
        expect(mine.failed_delivery.reason).toBe("refused")
        expect(seen.orders.find((o: any) => o.cooperative.handle === DAFUSA).progress).toBe("pending")
        // The union reads all of it.
        const adminView = (await api.get(`/admin/order-groups/${p.group.id}`, asAdmin())).data.order_group
        expect(adminView.orders.find((o: any) => o.id === order.id).failed_delivery).toMatchObject({ reason: "refused", return_shipping_cost: 32000, note: "Khách không nghe máy, từ chối nhận" })

        // It can no longer be delivered, by the cooperative...
        const deliver = await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(vendor[TN])))
        expect([deliver.status, deliver.data.code]).toEqual([409, "delivery_failed"])
      }
      expect(results.map((r) => [r.collector, r.bearer, r.ledger_amount, r.refund, r.progress, r.stock_back])).toEqual(
        cases.map((c) => [c.collector, c.bearer, c.expected, null, "returned", true])
      )
      process.env.COD_COLLECTOR = ""
      process.env.FAILED_DELIVERY_COST_BEARER = ""

      // ...and if the union marks one delivered with Medusa's own admin route, still no sale.
      const last = (await api.get(`/vendor/orders?status=returned`, bearer(vendor[TN]))).data
      expect(last.count).toBe(4)
      const o = last.orders[0]
      const marked = await call(api.post(`/admin/orders/${o.id}/fulfillments/${o.fulfillments[0].id}/mark-as-delivered`, {}, asAdmin()))
      expect(marked.status).toBe(200)
      await settle()
      const { result } = await bookDeliveredOrderWorkflow(getContainer()).run({ input: { order_id: o.id } })
      expect(result).toMatchObject({ delivered: false, booked: 0 })

      // Thanh Nam's ledger: one failed-delivery line per parcel, its source the fulfilment, available at once; no sale, commission or shipping.
      const ledger = await ledgerOf(TN)
      expect(ledger.entries.map((e: any) => e.type)).toEqual(["failed_delivery", "failed_delivery", "failed_delivery", "failed_delivery"])
      expect(ledger.entries.map((e: any) => e.amount).sort((a: number, b: number) => a - b)).toEqual([-32000, 0, 0, 32000])
      for (const e of ledger.entries) {
        expect(e).toMatchObject({ source: { type: "failed_delivery" }, available: true, reason: "refused: Khách không nghe máy, từ chối nhận" })
        expect(e.source.id).toMatch(/^ful_/)
      }
      expect((await ledgerOf(DAFUSA)).count).toBe(0)
    })

    it("a prepaid parcel that came back gives the shopper that order's share back, once; the other cooperative's share stays and is booked at its delivery", async () => {
      const p = await purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]], "pp_vietqr_vietqr")
      expect((await api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin())).status).toBe(200)
      const order = p.orderOf(TN)
      // Two parcels: the second one comes back too, but the share goes back only once.
      const line = order.items[0]
      const first = await packAndShip(TN, order.id, [{ id: line.id, quantity: 1 }])
      const second = await packAndShip(TN, order.id, [{ id: line.id, quantity: 1 }])

      const failed = await fail(TN, order.id, first, { reason: "unreachable", return_shipping_cost: 25000 })
      expect(failed.status).toBe(200)
      expect(failed.data.refund).toMatchObject({ amount: order.payment_share })
      // The cooperative's own carrier account carried a prepaid parcel and the cooperative bears it: a zero line.
      expect(failed.data.ledger_amount).toBe(0)
      const again = await fail(TN, order.id, second, { reason: "unreachable", return_shipping_cost: 25000 })
      expect([again.status, again.data.refund]).toEqual([200, null])

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: groups } = await query.graph({ entity: "order_group", fields: ["payment_collection_id"], filters: { id: p.group.id } })
      const { data } = await query.graph({
        entity: "payment_collection",
        fields: ["payments.refunds.amount", "payments.refunds.metadata"],
        filters: { id: (groups[0] as any).payment_collection_id },
      })
      const refunds = ((data[0] as any)?.payments ?? []).flatMap((pay: any) => pay.refunds ?? [])
      expect(refunds.map((r: any) => [Number(r.amount), r.metadata?.order_id])).toEqual([[order.payment_share, order.id]])

      // Dafusa delivers its part: its sale is booked as usual; Thanh Nam's refund is not charged to it (no sale to refund).
      const dafusaOrder = p.orderOf(DAFUSA)
      const df = await packAndShip(DAFUSA, dafusaOrder.id)
      expect((await call(api.post(`/vendor/orders/${dafusaOrder.id}/fulfillments/${df}/deliver`, {}, bearer(vendor[DAFUSA])))).status).toBe(200)
      await settle()
      expect((await ledgerOf(DAFUSA)).entries.map((e: any) => e.type).sort()).toEqual(["commission", "sale", "shipping"])
      expect((await ledgerOf(TN)).entries.map((e: any) => [e.type, e.amount])).toEqual([["failed_delivery", 0], ["failed_delivery", 0]])
    })

    it("a transfer that arrives after the parcel came back refunds that order's share at capture and keeps the delivered one's; cash on delivery is never marked paid as a whole", async () => {
      const p = await purchase([["THANHNAM-TX-200", 1], ["DAFUSA-DP-500", 1]], "pp_vietqr_vietqr")
      const order = p.orderOf(TN)
      const parcel = await packAndShip(TN, order.id)
      // Shipped before the money arrived, and refused: nothing to refund yet.
      const failed = await fail(TN, order.id, parcel, { reason: "refused", return_shipping_cost: 0 })
      expect([failed.status, failed.data.refund]).toEqual([200, null])

      const paid = await call(api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin()))
      expect(paid.status).toBe(200)
      expect(paid.data.canceled_share_refunds.map((r: any) => [r.order_id, r.amount])).toEqual([[order.id, order.payment_share]])
      // Told again (the bank retries, the capture event arrives): nothing twice.
      expect((await call(api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin()))).status).toBe(200)
      await settle()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: groups } = await query.graph({ entity: "order_group", fields: ["payment_collection_id"], filters: { id: p.group.id } })
      const { data } = await query.graph({ entity: "payment_collection", fields: ["payments.refunds.amount", "payments.refunds.metadata"], filters: { id: (groups[0] as any).payment_collection_id } })
      const refunds = ((data[0] as any)?.payments ?? []).flatMap((pay: any) => pay.refunds ?? [])
      expect(refunds.map((r: any) => [Number(r.amount), r.metadata?.order_id])).toEqual([[order.payment_share, order.id]])

      // Cash on delivery: the union's carriers remit per order; a whole-purchase "paid" would claim cash nobody handed over.
      const cod = await purchase([["THANHNAM-TX-200", 1]])
      const refused = await call(api.post(`/admin/order-groups/${cod.group.id}/mark-paid`, {}, asAdmin()))
      expect([refused.status, refused.data.code]).toEqual([409, "cash_on_delivery"])
    })

    it("when the refund fails, nothing of the failed delivery stays (stock, record, ledger line), and recording it again succeeds", async () => {
      const p = await purchase([["THANHNAM-TX-200", 2]], "pp_vietqr_vietqr")
      expect((await api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin())).status).toBe(200)
      const order = p.orderOf(TN)
      const fulfillmentId = await packAndShip(TN, order.id)
      const stock = (await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity
      const payments: any = getContainer().resolve(Modules.PAYMENT)
      const outage = jest.spyOn(payments, "refundPayment").mockRejectedValueOnce(new Error("the bank is down"))
      const body = { reason: "damaged", note: "Hộp móp", return_shipping_cost: 18000 }
      try {
        const broken = await fail(TN, order.id, fulfillmentId, body)
        expect(broken.status).toBeGreaterThanOrEqual(500)
      } finally {
        outage.mockRestore()
      }
      expect((await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity).toBe(stock)
      const view = (await api.get(`/vendor/orders/${order.id}`, bearer(vendor[TN]))).data.order
      expect([view.progress, view.failed_delivery]).toEqual(["shipped", null])
      expect((await ledgerOf(TN)).count).toBe(0)

      // The lock was released with the rest: the cooperative records it again.
      const retried = await fail(TN, order.id, fulfillmentId, body)
      expect([retried.status, retried.data.refund?.amount, retried.data.order.progress]).toEqual([200, order.payment_share, "returned"])
      expect((await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity).toBe(stock + 2)
      expect((await ledgerOf(TN)).count).toBe(1)
    })

    it("refused: another cooperative's order or parcel, a parcel not shipped, delivered or canceled, an order with a delivered parcel, twice (also at once), and garbage", async () => {
      const p = await purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]])
      const order = p.orderOf(TN)
      const dafusaOrder = p.orderOf(DAFUSA)
      const body = { reason: "refused", return_shipping_cost: 30000 }

      // Not shipped yet (packed): cancel the fulfilment instead.
      const packed = await api.post(`/vendor/orders/${order.id}/fulfillments`, { items: [{ id: order.items[0].id, quantity: 1 }] }, bearer(vendor[TN]))
      const packedId = packed.data.order.fulfillments[0].id
      expect(await fail(TN, order.id, packedId, body).then((r) => [r.status, r.data.code])).toEqual([409, "not_shipped"])
      await api.post(`/vendor/orders/${order.id}/fulfillments/${packedId}/cancel`, {}, bearer(vendor[TN]))
      expect(await fail(TN, order.id, packedId, body).then((r) => [r.status, r.data.code])).toEqual([409, "fulfillment_canceled"])

      const shipped = await packAndShip(TN, order.id)
      const dafusaShipped = await packAndShip(DAFUSA, dafusaOrder.id)
      // Another cooperative's order, its parcel named under our order, and unknown ids: all the same 404.
      for (const [orderId, fulfillmentId] of [[dafusaOrder.id, dafusaShipped], [order.id, dafusaShipped], [dafusaOrder.id, shipped], [order.id, "ful_01UNKNOWN"], ["order_01UNKNOWN", shipped]]) {
        const res = await fail(TN, orderId, fulfillmentId, body)
        expect({ orderId, fulfillmentId, status: res.status, code: res.data.code }).toEqual({ orderId, fulfillmentId, status: 404, code: "not_found" })
      }
      // Garbage bodies, and a cost beyond any amount the marketplace knows.
      const garbage: unknown[] = [
        {}, { reason: "refused" }, { return_shipping_cost: 30000 }, { reason: "lost", return_shipping_cost: 30000 },
        { reason: "refused", return_shipping_cost: -1 }, { reason: "refused", return_shipping_cost: 1.5 }, { reason: "refused", return_shipping_cost: "30000" },
        { reason: "refused", return_shipping_cost: MAX_VND + 1 }, { reason: "refused", return_shipping_cost: 1e300 }, { reason: "refused", return_shipping_cost: null },
        { reason: "refused", return_shipping_cost: 30000, note: "x".repeat(1001) }, { reason: "refused", return_shipping_cost: 30000, note: 5 },
        { reason: "refused", return_shipping_cost: 30000, ledger_amount: 1 }, { reason: ["refused"], return_shipping_cost: 30000 }, [body], "refused", null,
      ]
      for (const g of garbage) {
        const res = await fail(TN, order.id, shipped, g)
        expect({ g, status: res.status, code: res.data.code }).toEqual({ g, status: 400, code: "invalid_request" })
      }
      // Nothing of it changed anything.
      expect((await api.get(`/vendor/orders/${order.id}`, bearer(vendor[TN]))).data.order.progress).toBe("shipped")

      // Twice at the same moment: one records it, the other is told it is already recorded; the stock comes back once.
      const stock = (await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity
      const both = await Promise.all([fail(TN, order.id, shipped, body), fail(TN, order.id, shipped, body), fail(TN, order.id, shipped, body)])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409, 409])
      expect(both.filter((r) => r.status === 409).map((r) => r.data.code)).toEqual(["delivery_already_failed", "delivery_already_failed"])
      expect((await stockOf(api, TN, "THANHNAM-TX-200")).stocked_quantity).toBe(stock + 2)
      expect((await ledgerOf(TN)).count).toBe(1)

      // A delivered parcel cannot come back, nor can another parcel of an order with a delivered one.
      expect((await call(api.post(`/vendor/orders/${dafusaOrder.id}/fulfillments/${dafusaShipped}/deliver`, {}, bearer(vendor[DAFUSA])))).status).toBe(200)
      expect(await fail(DAFUSA, dafusaOrder.id, dafusaShipped, body).then((r) => [r.status, r.data.code])).toEqual([409, "already_delivered"])
      const p2 = await purchase([["THANHNAM-TX-200", 2]])
      const o2 = p2.orderOf(TN)
      const a = await packAndShip(TN, o2.id, [{ id: o2.items[0].id, quantity: 1 }])
      const b = await packAndShip(TN, o2.id, [{ id: o2.items[0].id, quantity: 1 }])
      expect((await call(api.post(`/vendor/orders/${o2.id}/fulfillments/${a}/deliver`, {}, bearer(vendor[TN])))).status).toBe(200)
      expect(await fail(TN, o2.id, b, body).then((r) => [r.status, r.data.code])).toEqual([409, "order_partly_delivered"])

      // Delivered and came back at the same moment: exactly one of them wins.
      const p3 = await purchase([["THANHNAM-TX-200", 1]])
      const o3 = p3.orderOf(TN)
      const f3 = await packAndShip(TN, o3.id)
      const race = await Promise.all([
        call(api.post(`/vendor/orders/${o3.id}/fulfillments/${f3}/deliver`, {}, bearer(vendor[TN]))),
        fail(TN, o3.id, f3, body),
      ])
      expect(race.map((r) => r.status).sort()).toEqual([200, 409])
      const final = (await api.get(`/vendor/orders/${o3.id}`, bearer(vendor[TN]))).data.order.progress
      expect(final).toBe(race[0].status === 200 ? "delivered" : "returned")
    })
  },
})
