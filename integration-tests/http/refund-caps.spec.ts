import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { refundCanceledSharesWorkflow } from "../../src/workflows/checkout/refund-canceled-shares"
import { complete, readyCart } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { useEnv } from "../env"

jest.setTimeout(300_000)

// The union's receiving account (VietQR purchases), a 7-day hold, the default 10 % commission, and
// cash on delivery collected by the cooperative unless a test says otherwise.
const ENV = { VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH", LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "", COD_COLLECTOR: "" }
useEnv(ENV)

// Shares of the purchases below: Thanh Nam tea 2 × 120.000 + 30.000 shipping, Dafusa oil 95.000 + 30.000.
const TN_SHARE = 270000
const DAFUSA_SHARE = 125000

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
      for (const handle of ["htx-che-thanh-nam", "dafusa-phu-da"]) vendor[handle] = await demoVendorToken(api, handle)
    })

    const asAdmin = () => bearer(admin)
    const refundOrder = (orderId: string, body: object) => call(api.post(`/admin/orders/${orderId}/refunds`, body, asAdmin()))
    const cancel = (handle: string, orderId: string) => call(api.post(`/vendor/orders/${orderId}/cancel`, {}, bearer(vendor[handle])))
    const markPaid = (groupId: string) => call(api.post(`/admin/order-groups/${groupId}/mark-paid`, {}, asAdmin()))
    const ledgerOf = async (handle: string) => (await api.get(`/admin/cooperatives/${coop[handle]}/ledger?limit=100`, asAdmin())).data

    async function purchase(lines: [string, number][], provider_id = "pp_vietqr_vietqr") {
      const cartId = await readyCart(api, pk, regionId, lines.map(([sku, quantity]) => ({ variant_id: variant[sku], quantity })), { provider_id })
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      const group = done.data.order_group
      const orderOf = (handle: string) => group.orders.find((o: any) => o.cooperative.handle === handle)
      return { group, orderOf }
    }
    const sharedPurchase = (provider_id?: string) => purchase([["THANHNAM-TX-200", 2], ["DAFUSA-DP-500", 1]], provider_id)

    /** The purchase's one payment with its refunds, read from Medusa's payment module. */
    async function paymentOf(groupId: string) {
      const [group] = await getContainer().resolve<any>("order_group").listOrderGroups({ id: groupId })
      const [payment] = await getContainer().resolve(Modules.PAYMENT).listPayments({ payment_collection_id: group.payment_collection_id } as any, { relations: ["refunds", "captures"] })
      return payment as any
    }
    /** Everything refunded for one order of a purchase (each refund names its order). */
    const refundedFor = async (groupId: string, orderId: string) =>
      ((await paymentOf(groupId)).refunds ?? []).filter((r: any) => r.metadata?.order_id === orderId).reduce((a: number, r: any) => a + Number(r.amount), 0)

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
      await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post", tracking_number: `VTP${Date.now()}` }, bearer(token))
      const delivered = await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(token))
      expect(delivered.data.order.progress).toBe("delivered")
    }

    it("a partial refund, then the cooperative cancels: only the remainder of its share goes back", async () => {
      const p = await sharedPurchase()
      expect((await markPaid(p.group.id)).status).toBe(200)
      const dafusa = p.orderOf("dafusa-phu-da").id

      const partial = await refundOrder(dafusa, { amount: 50000, note: "Chai bị móp" })
      expect(partial.status).toBe(201)
      const canceled = await cancel("dafusa-phu-da", dafusa)
      expect(canceled.status).toBe(200)
      expect(canceled.data.refund).toMatchObject({ amount: DAFUSA_SHARE - 50000 })
      expect(await refundedFor(p.group.id, dafusa)).toBe(DAFUSA_SHARE)
      // Thanh Nam's money stays where it was: nothing of its share went back.
      expect(await refundedFor(p.group.id, p.orderOf("htx-che-thanh-nam").id)).toBe(0)
      expect(Number((await paymentOf(p.group.id)).refunds.reduce((a: number, r: any) => a + Number(r.amount), 0))).toBe(DAFUSA_SHARE)

      const more = await refundOrder(dafusa, { amount: 1 })
      expect([more.status, more.data.code]).toEqual([409, "refund_exceeds_share"])
      // Garbage and foreign ids are 4xx, never 5xx.
      expect((await refundOrder(dafusa, { amount: "mọi thứ" })).status).toBe(400)
      expect((await refundOrder(dafusa, { amount: 1.5 })).status).toBe(400)
      expect((await refundOrder("order_khong_co", { amount: 1000 })).status).toBe(404)

      // What Medusa Admin's order page widget shows of it: the purchase, the share, received and refunded.
      const widget = await call(api.get(`/admin/orders/${dafusa}/coopstall`, asAdmin()))
      expect(widget.status).toBe(200)
      expect(widget.data).toMatchObject({
        cooperative: { handle: "dafusa-phu-da" },
        purchase: { id: p.group.id, order_count: 2, payment: { captured: TN_SHARE + DAFUSA_SHARE, refunded: DAFUSA_SHARE } },
        share: { amount: DAFUSA_SHARE, paid_in: DAFUSA_SHARE, refunded: DAFUSA_SHARE, refundable: 0 },
      })
      expect((await call(api.get(`/admin/orders/order_khong_co/coopstall`, asAdmin()))).status).toBe(404)
    })

    it("several refunds of one order at the same moment never exceed its share; the others are refused with 409", async () => {
      const p = await sharedPurchase()
      await markPaid(p.group.id)
      const tn = p.orderOf("htx-che-thanh-nam").id

      const t0 = Date.now()
      const first = await Promise.all(Array.from({ length: 5 }, () => refundOrder(tn, { amount: 100000 })))
      const firstMs = Date.now() - t0
      expect(first.filter((r) => r.status >= 500)).toEqual([])
      expect(first.filter((r) => r.status === 201)).toHaveLength(2)
      expect(first.filter((r) => r.status === 409).map((r) => r.data.code)).toEqual(Array(3).fill("refund_exceeds_share"))
      expect(await refundedFor(p.group.id, tn)).toBe(200000)

      // What is left (70.000 ₫), asked for three times at once: exactly one gets it.
      const second = await Promise.all(Array.from({ length: 3 }, () => refundOrder(tn, { amount: TN_SHARE - 200000 })))
      expect(second.map((r) => r.status).sort()).toEqual([201, 409, 409])
      expect(await refundedFor(p.group.id, tn)).toBe(TN_SHARE)
      // Dafusa's share is untouched.
      expect(await refundedFor(p.group.id, p.orderOf("dafusa-phu-da").id)).toBe(0)
      console.log(`refund-caps: 5 refunds of one order at once answered in ${firstMs} ms`)
    })

    it("a cancellation and refunds of the same order at the same moment give back exactly its share, once", async () => {
      const p = await sharedPurchase()
      await markPaid(p.group.id)
      const dafusa = p.orderOf("dafusa-phu-da").id

      const [canceled, ...refunds] = await Promise.all([
        cancel("dafusa-phu-da", dafusa),
        refundOrder(dafusa, { amount: 100000 }),
        refundOrder(dafusa, { amount: 100000 }),
      ])
      expect(canceled.status).toBe(200)
      expect(refunds.filter((r) => r.status >= 500)).toEqual([])
      for (const r of refunds) expect([201, 409]).toContain(r.status)
      // At most one of the two 100.000 ₫ refunds fits in 125.000 ₫; the cancellation gives back the rest.
      expect(refunds.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1)
      expect(await refundedFor(p.group.id, dafusa)).toBe(DAFUSA_SHARE)
      expect(await refundedFor(p.group.id, p.orderOf("htx-che-thanh-nam").id)).toBe(0)
    })

    it("Medusa's own payment refund: refused on a purchase of several cooperatives, our capped and booked order refund on a one-order purchase", async () => {
      const shared = await sharedPurchase()
      await markPaid(shared.group.id)
      const sharedPayment = await paymentOf(shared.group.id)
      const refused = await call(api.post(`/admin/payments/${sharedPayment.id}/refund`, { amount: 1000 }, asAdmin()))
      expect([refused.status, refused.data.code]).toEqual([409, "refund_names_no_order"])
      expect(refused.data.message).toContain("POST /admin/orders/:id/refunds")
      expect((await paymentOf(shared.group.id)).refunds).toEqual([])

      // Thanh Nam alone: paid, delivered (its sale booked), then refunded through Medusa's route.
      const single = await purchase([["THANHNAM-TX-200", 2]])
      await markPaid(single.group.id)
      const order = single.orderOf("htx-che-thanh-nam").id
      await deliver("htx-che-thanh-nam", order)
      await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 3, "the sale, commission and shipping")
      const payment = await paymentOf(single.group.id)

      expect((await call(api.post(`/admin/payments/${payment.id}/refund`, { amount: 1.5 }, asAdmin()))).status).toBe(400)
      expect((await call(api.post(`/admin/payments/${payment.id}/refund`, { amount: 1000, refund_reason_id: "refr_khong_co" }, asAdmin()))).status).toBe(404)
      const refunded = await call(api.post(`/admin/payments/${payment.id}/refund`, { amount: 20000, note: "Hộp bị móp" }, asAdmin()))
      expect(refunded.status).toBe(200)
      expect(refunded.data.payment).toMatchObject({ id: payment.id, refunds: [expect.objectContaining({ amount: 20000, note: "Hộp bị móp" })] })
      const booked = await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 4, "the refund line")
      expect(booked.entries.filter((e: any) => e.type === "refund")).toEqual([expect.objectContaining({ amount: -20000, order: expect.objectContaining({ id: order }) })])

      // No amount: everything that remains of the order's share, and then nothing more.
      const rest = await call(api.post(`/admin/payments/${payment.id}/refund`, {}, asAdmin()))
      expect(rest.status).toBe(200)
      expect(rest.data.payment.refunds.map((r: any) => Number(r.amount)).sort((a: number, b: number) => a - b)).toEqual([20000, TN_SHARE - 20000])
      const again = await call(api.post(`/admin/payments/${payment.id}/refund`, { amount: 1 }, asAdmin()))
      expect([again.status, again.data.code]).toEqual([409, "refund_exceeds_share"])
      expect(await refundedFor(single.group.id, order)).toBe(TN_SHARE)
      await eventually(() => ledgerOf("htx-che-thanh-nam"), (l) => l.count === 5, "the second refund line")

      // A payment of no purchase is Medusa's business (here: an unknown one, Medusa's 404).
      expect((await call(api.post(`/admin/payments/pay_khong_co/refund`, { amount: 1000 }, asAdmin()))).status).toBe(404)
    })

    it("a VietQR purchase with one order canceled before the money arrived: the capture refunds that share at once and keeps the others, once however often it is told", async () => {
      const p = await sharedPurchase()
      const dafusa = p.orderOf("dafusa-phu-da").id
      const canceled = await cancel("dafusa-phu-da", dafusa)
      expect([canceled.status, canceled.data.refund]).toEqual([200, null])
      const early = await refundOrder(dafusa, { amount: 1000 })
      expect([early.status, early.data.code]).toEqual([409, "not_paid"])

      const paid = await markPaid(p.group.id)
      expect(paid.status).toBe(200)
      expect(paid.data.canceled_share_refunds).toEqual([expect.objectContaining({ order_id: dafusa, amount: DAFUSA_SHARE })])
      expect(await refundedFor(p.group.id, dafusa)).toBe(DAFUSA_SHARE)
      expect(await refundedFor(p.group.id, p.orderOf("htx-che-thanh-nam").id)).toBe(0)

      // The capture told again (Medusa's event, a second mark-paid, the workflow itself): nothing more goes back.
      const payment = await paymentOf(p.group.id)
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: payment.id } })
      expect((await markPaid(p.group.id)).data.captured).toBe(false)
      const { result } = await refundCanceledSharesWorkflow(getContainer()).run({ input: { payment_id: payment.id } })
      expect(result).toEqual([])
      await new Promise((r) => setTimeout(r, 1000))
      expect((await paymentOf(p.group.id)).refunds.map((r: any) => Number(r.amount))).toEqual([DAFUSA_SHARE])
      // Thanh Nam's share is still all there to refund if it must be.
      const tn = await refundOrder(p.orderOf("htx-che-thanh-nam").id, { amount: TN_SHARE })
      expect(tn.status).toBe(201)
    })

    it("cash on delivery collected by the cooperative: the union holds nothing, so it refunds nothing and says who does", async () => {
      const p = await sharedPurchase("pp_system_default")
      const tn = p.orderOf("htx-che-thanh-nam").id
      const res = await refundOrder(tn, { amount: 1000 })
      expect([res.status, res.data.code]).toEqual([409, "collected_by_cooperative"])
      expect(res.data.message).toMatch(/cooperative refunds the shopper itself/)
      expect(res.data.message).toMatch(/adjustment/)

      // Medusa's own route on a one-order cash purchase says the same.
      const single = await purchase([["DAFUSA-DP-500", 1]], "pp_system_default")
      const payment = await paymentOf(single.group.id)
      const medusa = await call(api.post(`/admin/payments/${payment.id}/refund`, { amount: 1000 }, asAdmin()))
      expect([medusa.status, medusa.data.code]).toEqual([409, "collected_by_cooperative"])
    })

    it("cash on delivery collected by the union: nothing to refund before the carrier remits, then at most what was remitted", async () => {
      process.env.COD_COLLECTOR = "union"
      let p: Awaited<ReturnType<typeof purchase>>
      try {
        p = await purchase([["DAFUSA-DP-500", 1]], "pp_system_default")
      } finally {
        process.env.COD_COLLECTOR = ""
      }
      const order = p.orderOf("dafusa-phu-da")
      const before = await refundOrder(order.id, { amount: 1000 })
      expect([before.status, before.data.code]).toEqual([409, "not_paid"])

      // The carrier remits to the union, which records it: the share is captured on the purchase's payment.
      const remitted = await call(api.post(`/admin/cod-remittances`, { order_id: order.id, carrier: "ghn", amount: DAFUSA_SHARE, reference: "GHN-DS-0001" }, asAdmin()))
      expect(remitted.status).toBe(201)
      const tooMuch = await refundOrder(order.id, { amount: DAFUSA_SHARE + 1 })
      expect([tooMuch.status, tooMuch.data.code]).toEqual([409, "refund_exceeds_share"])
      expect((await refundOrder(order.id, { amount: DAFUSA_SHARE })).status).toBe(201)
    })
  },
})
