import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { complete, readyCart, stockOf } from "../checkout"
import { adminToken, Api, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { PNG } from "../notifications"

jest.setTimeout(400_000)

// Returns after delivery (issue 16 point 6, docs/returns.md), through HTTP against the real app and
// database. Nothing is faked: VietQR purchases are marked paid by the union's route, cash on delivery
// is collected by the cooperative (COD_COLLECTOR=cooperative) or by the union's carrier.
const ENV = {
  VIETQR_BANK_BIN: "970415", VIETQR_ACCOUNT_NUMBER: "113366668888", VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  LEDGER_HOLD_DAYS: "7", COMMISSION_DEFAULT_BPS: "", COD_COLLECTOR: "", RETURN_WINDOW_DAYS: "", RETURN_COMMISSION_KEPT_PERCENT: "",
}
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]))
Object.assign(process.env, ENV)
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v))
})

const TN = "htx-che-thanh-nam"
const DAFUSA = "dafusa-phu-da"
const TEA = "THANHNAM-TX-200" // 120.000 ₫
const OIL = "DAFUSA-DP-500"
const HERBAL_TEA = "THANHNAM-HT-25" // 85.000 ₫
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

type Headers = { headers: Record<string, string> }

async function customer(api: Api, store: Headers, email: string) {
  const registration = (await api.post("/auth/customer/emailpass/register", { email, password: "mat-khau-1" })).data.token
  await api.post("/store/customers", { email, first_name: "Khách", last_name: "Hàng" }, { headers: { ...store.headers, authorization: `Bearer ${registration}` } })
  const token = (await api.post("/auth/customer/emailpass", { email, password: "mat-khau-1" })).data.token as string
  return { email, token, h: { headers: { ...store.headers, authorization: `Bearer ${token}` } } as Headers }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let admin: string
    let store: Headers
    let minh: Awaited<ReturnType<typeof customer>>
    let lan: Awaited<ReturnType<typeof customer>>
    const variant: Record<string, string> = {}
    const coop: Record<string, string> = {}
    const vendor: Record<string, string> = {}
    const events: { name: string; data: any }[] = []

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      store = storeHeaders(pk)
      admin = await adminToken(api)
      const { data } = await api.get(`/store/products?limit=100&fields=id,*variants`, store)
      for (const p of data.products) for (const v of p.variants) variant[v.sku] = v.id
      const { data: listed } = await api.get(`/admin/cooperatives?limit=100`, bearer(admin))
      for (const c of listed.cooperatives) coop[c.handle] = c.id
      for (const handle of [TN, DAFUSA]) vendor[handle] = await demoVendorToken(api, handle)
      minh = await customer(api, store, "minh-tra-hang@example.vn")
      lan = await customer(api, store, "lan-tra-hang@example.vn")
      // What the app emits, read where it is emitted (the notifications subscribe to the same bus).
      const bus: any = getContainer().resolve(Modules.EVENT_BUS)
      const emit = bus.emit.bind(bus)
      bus.emit = async (messages: any, options?: any) => {
        for (const m of Array.isArray(messages) ? messages : [messages]) if (String(m.name).startsWith("coopstall.return.")) events.push({ name: m.name, data: m.data })
        return emit(messages, options)
      }
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    const asAdmin = () => bearer(admin)
    const settle = () => new Promise((r) => setTimeout(r, 1500))

    async function purchase(who: Awaited<ReturnType<typeof customer>>, lines: [string, number][], provider_id = "pp_system_default") {
      const cartId = await readyCart(api, pk, regionId, lines.map(([sku, quantity]) => ({ variant_id: variant[sku], quantity })), { provider_id, email: who.email, customer_token: who.token })
      const done = await complete(api, pk, cartId)
      expect(done.status).toBe(200)
      const group = done.data.order_group
      return { group, orderOf: (handle: string) => group.orders.find((o: any) => o.cooperative.handle === handle) }
    }

    async function ship(handle: string, orderId: string) {
      const packed = await api.post(`/vendor/orders/${orderId}/fulfillments`, {}, bearer(vendor[handle]))
      const fulfillmentId = packed.data.order.fulfillments.find((f: any) => !f.shipped_at && !f.canceled_at).id
      await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/ship`, { carrier: "GHN", tracking_number: `GHN${Date.now()}` }, bearer(vendor[handle]))
      return fulfillmentId as string
    }
    async function deliver(handle: string, orderId: string) {
      const fulfillmentId = await ship(handle, orderId)
      expect((await api.post(`/vendor/orders/${orderId}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(vendor[handle]))).status).toBe(200)
      await settle()
    }
    /** A delivered order of Thanh Nam, bought by `who`: its id and its tea line. */
    async function deliveredTea(who = minh, quantity = 2, provider_id = "pp_system_default") {
      const p = await purchase(who, [[TEA, quantity], [OIL, 1]], provider_id)
      if (provider_id !== "pp_system_default") expect((await api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin())).status).toBe(200)
      const order = p.orderOf(TN)
      await deliver(TN, order.id)
      const { data } = await api.get(`/vendor/orders/${order.id}`, bearer(vendor[TN]))
      const line = data.order.items.find((i: any) => i.variant_sku === TEA)
      return { group: p.group, order, line_item_id: line.id as string }
    }

    async function photo(who = minh, bytes = PNG, type = "image/png") {
      const body = new FormData()
      body.append("files", new Blob([new Uint8Array(bytes)], { type }), "anh-hu-hong.png")
      return call(api.post(`/store/return-photos`, body, who.h))
    }
    const request = (orderId: string, body: unknown, who = minh) => call(api.post(`/store/orders/${orderId}/returns`, body, who.h))
    const vendorAct = (handle: string, id: string, action: string, body: unknown = {}) => call(api.post(`/vendor/returns/${id}/${action}`, body, bearer(vendor[handle])))
    const ledgerOf = async (handle: string) => (await api.get(`/admin/cooperatives/${coop[handle]}/ledger?limit=100`, asAdmin())).data.entries as any[]
    const orderLines = async (handle: string, orderId: string) => (await ledgerOf(handle)).filter((e) => e.order?.id === orderId)
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

    /** Every refund of a purchase's payment, with the order it names (from the payment module). */
    async function refundsOf(groupId: string) {
      const { data: groups } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order_group", fields: ["payment_collection_id"], filters: { id: groupId } })
      const pcId = (groups[0] as any).payment_collection_id
      const payment: any = getContainer().resolve(Modules.PAYMENT)
      const [pc] = await payment.listPaymentCollections({ id: pcId }, { relations: ["payments", "payments.refunds", "payments.captures"] })
      const refunds = pc.payments.flatMap((p: any) => p.refunds ?? [])
      const captured = sum(pc.payments.flatMap((p: any) => (p.captures ?? []).map((c: any) => Number(c.amount))))
      return { refunds: refunds.map((r: any) => ({ amount: Number(r.amount), order_id: r.metadata?.order_id, return_id: r.metadata?.return_id })), captured }
    }

    it("happy path, paid by transfer: request with a photo → accept → receive: stock back at the cooperative's warehouse, the item's share refunded, the refund debited and the commission given back; the order's money still adds up", async () => {
      const stockBefore = (await stockOf(api, TN, TEA)).stocked_quantity
      const { group, order, line_item_id } = await deliveredTea(minh, 2, "pp_vietqr_vietqr")
      expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stockBefore - 2)

      const up = await photo()
      expect(up.status).toBe(201)
      const [file] = up.data.files
      expect(file.mime_type).toBe("image/png")

      const asked = await request(order.id, { items: [{ line_item_id, quantity: 1 }], reason: "Hộp trà bị móp, gói bên trong rách", photos: [file.id] })
      expect(asked.status).toBe(201)
      const ret = asked.data.return
      expect(ret).toMatchObject({ status: "requested", order_id: order.id, cooperative_id: coop[TN], amount: 120000, reason: "Hộp trà bị móp, gói bên trong rách" })
      expect(ret.items).toEqual([{ line_item_id, title: expect.stringContaining("Trà xanh"), quantity: 1, amount: 120000 }])
      expect(ret.photos).toEqual([{ id: file.id, url: expect.stringContaining(".png") }])
      expect(ret).not.toHaveProperty("commission_reversed")

      // The shopper's list and page; the cooperative's list; the union's list.
      expect((await api.get(`/store/returns`, minh.h)).data.returns.map((r: any) => r.id)).toEqual([ret.id])
      expect((await api.get(`/store/returns/${ret.id}`, minh.h)).data.return.status).toBe("requested")
      const vendorList = (await api.get(`/vendor/returns?status=requested`, bearer(vendor[TN]))).data
      expect(vendorList.returns.map((r: any) => r.id)).toEqual([ret.id])
      expect((await api.get(`/vendor/returns`, bearer(vendor[DAFUSA]))).data.count).toBe(0)
      expect((await api.get(`/admin/returns?status=requested`, asAdmin())).data.returns.map((r: any) => r.id)).toContain(ret.id)

      // Receiving before accepting is refused.
      expect(await vendorAct(TN, ret.id, "receive")).toMatchObject({ status: 409, data: { code: "invalid_return_status" } })
      const accepted = await vendorAct(TN, ret.id, "accept", { note: "Gửi lại qua GHN, HTX chịu phí" })
      expect(accepted.status).toBe(200)
      expect(accepted.data.return).toMatchObject({ status: "accepted", cooperative_note: "Gửi lại qua GHN, HTX chịu phí" })

      const received = await vendorAct(TN, ret.id, "receive")
      expect(received.status).toBe(200)
      expect(received.data.return.status).toBe("refunded")
      expect(received.data.refund).toMatchObject({ amount: 120000 })
      expect(received.data.commission_reversed).toBe(12000)
      // Measured on the cooperative's own stock page: the box is back at its warehouse.
      expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stockBefore - 1)
      // Twice: refused, nothing moves again.
      expect(await vendorAct(TN, ret.id, "receive")).toMatchObject({ status: 409, data: { code: "return_already_received" } })
      expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stockBefore - 1)
      await settle()

      // The payment: one refund of 120.000 ₫ naming the order and the return.
      const money = await refundsOf(group.id)
      expect(money.refunds).toEqual([{ amount: 120000, order_id: order.id, return_id: ret.id }])
      // The ledger: the sale as delivered, then the refund debited and the commission on the item given back.
      const lines = await orderLines(TN, order.id)
      const byType = (t: string) => lines.filter((e) => e.type === t).map((e) => e.amount).sort((a, b) => a - b)
      expect(byType("sale")).toEqual([240000])
      expect(byType("commission")).toEqual([-24000, 12000])
      expect(byType("shipping")).toEqual([30000])
      expect(byType("refund")).toEqual([-120000])
      // The invariant for this order: paid in = refunded + the union's commission + owed to the cooperative.
      const share = order.total
      const commission = -sum(byType("commission"))
      const owed = sum(lines.map((e) => e.amount))
      expect({ paid_in: share, refunded: 120000, commission, owed, adds_up: 120000 + commission + owed === share }).toEqual({
        paid_in: 270000, refunded: 120000, commission: 12000, owed: 138000, adds_up: true,
      })

      // The other unit: asking for 2 is more than delivered minus returned; 1 is fine.
      const photo2 = (await photo()).data.files[0].id
      expect(await request(order.id, { items: [{ line_item_id, quantity: 2 }], reason: "Trả nốt", photos: [photo2] })).toMatchObject({ status: 409, data: { code: "quantity_exceeds_returnable" } })
      const second = await request(order.id, { items: [{ line_item_id, quantity: 1 }], reason: "Trả nốt hộp còn lại", photos: [photo2] })
      expect(second.status).toBe(201)
      expect(second.data.return.amount).toBe(120000)

      expect(events.filter((e) => e.data.id === ret.id).map((e) => e.name)).toEqual([
        "coopstall.return.requested", "coopstall.return.accepted", "coopstall.return.received", "coopstall.return.refunded",
      ])
      expect(events.find((e) => e.name === "coopstall.return.refunded" && e.data.id === ret.id)!.data).toMatchObject({
        id: ret.id, order_id: order.id, cooperative_id: coop[TN], status: "refunded", actor: "cooperative", amount: 120000,
      })
    })

    it("a partly delivered order: delivered units can be returned while the rest is on its way, never more than delivered nor an item not yet delivered; the refund is made at once, the commission comes back when the rest arrives; the money adds up", async () => {
      const p = await purchase(minh, [[TEA, 3], [HERBAL_TEA, 1]], "pp_vietqr_vietqr")
      expect((await api.post(`/admin/order-groups/${p.group.id}/mark-paid`, {}, asAdmin())).status).toBe(200)
      const order = p.orderOf(TN)
      const items = (await api.get(`/vendor/orders/${order.id}`, bearer(vendor[TN]))).data.order.items
      const tea = items.find((i: any) => i.variant_sku === TEA).id as string
      const herbal = items.find((i: any) => i.variant_sku === HERBAL_TEA).id as string
      // Two of the three boxes leave in a first parcel and arrive; the third box and the herbal tea wait.
      const first = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, { items: [{ id: tea, quantity: 2 }] }, bearer(vendor[TN])))
      expect(first.status).toBe(201)
      const parcel = first.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${order.id}/fulfillments/${parcel}/ship`, { carrier: "GHN", tracking_number: "GHN-PART-1" }, bearer(vendor[TN]))
      expect((await call(api.post(`/vendor/orders/${order.id}/fulfillments/${parcel}/deliver`, {}, bearer(vendor[TN])))).status).toBe(200)
      await settle()
      expect(await orderLines(TN, order.id)).toEqual([]) // not a sale yet: the rest is on its way

      const pic = (await photo()).data.files[0].id
      const ask = (line_item_id: string, quantity: number) => request(order.id, { items: [{ line_item_id, quantity }], reason: "Hộp trà bị ẩm", photos: [pic] })
      expect(await ask(tea, 3)).toMatchObject({ status: 409, data: { code: "quantity_exceeds_returnable" } })
      expect((await ask(tea, 3)).data.message).toContain("2 of 3 delivered")
      expect(await ask(herbal, 1)).toMatchObject({ status: 409, data: { code: "not_delivered" } })
      expect(await request(order.id, { items: [{ line_item_id: tea, quantity: 1 }, { line_item_id: herbal, quantity: 1 }], reason: "Cả hai", photos: [pic] })).toMatchObject({ status: 409, data: { code: "not_delivered" } })
      const asked = await ask(tea, 1)
      expect(asked.status).toBe(201)
      expect(asked.data.return.amount).toBe(120000)
      expect((await vendorAct(TN, asked.data.return.id, "accept")).status).toBe(200)
      const stock = (await stockOf(api, TN, TEA)).stocked_quantity
      const received = await vendorAct(TN, asked.data.return.id, "receive")
      expect(received.data).toMatchObject({ return: { status: "refunded" }, refund: { amount: 120000 }, commission_reversed: 0 })
      expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stock + 1)
      await settle()
      expect((await refundsOf(p.group.id)).refunds).toEqual([{ amount: 120000, order_id: order.id, return_id: asked.data.return.id }])
      // One delivered box is left to return: two is too many.
      expect(await ask(tea, 2)).toMatchObject({ status: 409, data: { code: "quantity_exceeds_returnable" } })

      // The rest arrives: the sale is booked with the refund made before, and the returned box's commission comes back.
      const rest = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(vendor[TN])))
      const second = rest.data.order.fulfillments.find((f: any) => f.id !== parcel).id
      await api.post(`/vendor/orders/${order.id}/fulfillments/${second}/ship`, { carrier: "GHN", tracking_number: "GHN-PART-2" }, bearer(vendor[TN]))
      expect((await call(api.post(`/vendor/orders/${order.id}/fulfillments/${second}/deliver`, {}, bearer(vendor[TN])))).status).toBe(200)
      await settle()
      const lines = await orderLines(TN, order.id)
      const byType = (t: string) => lines.filter((e) => e.type === t).map((e) => e.amount).sort((a, b) => a - b)
      expect(byType("refund")).toEqual([-120000])
      // 10 % of the three boxes (36.000 ₫) and of the herbal tea, then the returned box's 12.000 ₫ back.
      expect(byType("commission")).toHaveLength(3)
      expect(byType("commission")).toEqual(expect.arrayContaining([-36000, 12000]))
      const after = (await api.get(`/vendor/returns?status=refunded`, bearer(vendor[TN]))).data.returns.find((r: any) => r.id === asked.data.return.id)
      expect(after.commission_reversed).toBe(12000)
      const commission = -sum(byType("commission"))
      const owed = sum(lines.map((e) => e.amount))
      // Paid in = refunded + the union's commission + owed to the cooperative, to the đồng.
      expect({ sale: sum(byType("sale")), paid_in: order.total, accounted: 120000 + commission + owed }).toEqual({ sale: 3 * 120000 + 85000, paid_in: order.total, accounted: order.total })
      // Delivered again (a redelivered event): nothing is booked twice.
      const count = lines.length
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "delivery.created", data: { id: second } })
      await settle()
      expect((await orderLines(TN, order.id)).length).toBe(count)
      // Now every box is delivered: the two left can be returned.
      expect((await ask(tea, 2)).status).toBe(201)
    })

    it("cash on delivery collected by the cooperative: no refund from the union (the cooperative holds the cash and refunds it), the commission comes back less what the union keeps (RETURN_COMMISSION_KEPT_PERCENT)", async () => {
      process.env.COD_COLLECTOR = "cooperative"
      process.env.RETURN_COMMISSION_KEPT_PERCENT = "50"
      try {
        const stockBefore = (await stockOf(api, TN, TEA)).stocked_quantity
        const { group, order, line_item_id } = await deliveredTea(lan, 2)
        const p = (await photo(lan)).data.files[0].id
        const ret = (await request(order.id, { items: [{ line_item_id, quantity: 2 }], reason: "Trà không đúng loại đã đặt", photos: [p] }, lan)).data.return
        expect((await vendorAct(TN, ret.id, "accept")).status).toBe(200)
        const received = await vendorAct(TN, ret.id, "receive")
        expect(received.status).toBe(200)
        expect(received.data).toMatchObject({ refund: null, commission_reversed: 12000, return: { status: "received", refund_amount: null } })
        expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stockBefore)
        await settle()
        expect((await refundsOf(group.id)).refunds).toEqual([])
        const lines = await orderLines(TN, order.id)
        // sale 240.000, commission −24.000 then +12.000 (the union keeps half), shipping 30.000, cash collected −270.000.
        expect(lines.map((e) => [e.type, e.amount]).sort()).toEqual(
          [["cash_collected", -270000], ["commission", -24000], ["commission", 12000], ["sale", 240000], ["shipping", 30000]].sort()
        )
        // Cash kept by the cooperative = the union's commission + owed (negative: what it owes).
        const commission = -sum(lines.filter((e) => e.type === "commission").map((e) => e.amount))
        const owed = sum(lines.map((e) => e.amount))
        expect([commission, owed, commission + owed]).toEqual([12000, -12000, 0])
      } finally {
        process.env.COD_COLLECTOR = ""
        process.env.RETURN_COMMISSION_KEPT_PERCENT = ""
      }
    })

    it("a refused return can be escalated; the union decides: accept (the return goes ahead) or refuse (it ends)", async () => {
      const { order, line_item_id } = await deliveredTea(minh, 2, "pp_vietqr_vietqr")
      const p = (await photo()).data.files[0].id
      const ret = (await request(order.id, { items: [{ line_item_id, quantity: 1 }], reason: "Trà có mùi lạ", photos: [p] })).data.return
      // Escalating before a refusal is refused; a refusal needs a reason.
      expect(await call(api.post(`/store/returns/${ret.id}/escalate`, { note: "HTX không trả lời" }, minh.h))).toMatchObject({ status: 409, data: { code: "invalid_return_status" } })
      expect(await vendorAct(TN, ret.id, "refuse", {})).toMatchObject({ status: 400, data: { code: "invalid_request" } })
      const refused = await vendorAct(TN, ret.id, "refuse", { reason: "Mùi khói là đặc trưng của trà sao suốt" })
      expect(refused.data.return).toMatchObject({ status: "refused", cooperative_note: "Mùi khói là đặc trưng của trà sao suốt" })
      // Another shopper cannot escalate it, nor see it.
      expect((await call(api.post(`/store/returns/${ret.id}/escalate`, { note: "x" }, lan.h))).status).toBe(404)
      expect((await call(api.get(`/store/returns/${ret.id}`, lan.h))).status).toBe(404)
      const escalated = await call(api.post(`/store/returns/${ret.id}/escalate`, { note: "Mùi hôi mốc, không phải mùi khói" }, minh.h))
      expect(escalated.data.return).toMatchObject({ status: "escalated", escalation_note: "Mùi hôi mốc, không phải mùi khói" })
      expect((await call(api.post(`/store/returns/${ret.id}/escalate`, { note: "lần nữa" }, minh.h))).status).toBe(409)
      expect((await api.get(`/admin/returns?status=escalated`, asAdmin())).data.returns.map((r: any) => r.id)).toEqual([ret.id])
      // Garbage decisions; then the union accepts.
      for (const body of [{}, { decision: "maybe", note: "x" }, { decision: "accept" }, { decision: "accept", note: "ok", extra: 1 }]) {
        expect((await call(api.post(`/admin/returns/${ret.id}/decide`, body, asAdmin()))).status).toBe(400)
      }
      const decided = await call(api.post(`/admin/returns/${ret.id}/decide`, { decision: "accept", note: "Ảnh cho thấy mốc: HTX nhận lại" }, asAdmin()))
      expect(decided.data.return).toMatchObject({ status: "accepted", union_decision: "accept", union_note: "Ảnh cho thấy mốc: HTX nhận lại" })
      expect((await call(api.post(`/admin/returns/${ret.id}/decide`, { decision: "refuse", note: "đổi ý" }, asAdmin()))).status).toBe(409)
      const received = await vendorAct(TN, ret.id, "receive")
      expect(received.data).toMatchObject({ return: { status: "refunded" }, refund: { amount: 120000 } })

      // The other unit: refused, escalated, and the union refuses too.
      const ret2 = (await request(order.id, { items: [{ line_item_id, quantity: 1 }], reason: "Cũng có mùi lạ", photos: [p] })).data.return
      await vendorAct(TN, ret2.id, "refuse", { reason: "Hộp này nguyên vẹn" })
      await call(api.post(`/store/returns/${ret2.id}/escalate`, { note: "Xin xem lại" }, minh.h))
      const rejected = await call(api.post(`/admin/returns/${ret2.id}/decide`, { decision: "refuse", note: "Ảnh không cho thấy lỗi" }, asAdmin()))
      expect(rejected.data.return).toMatchObject({ status: "rejected", union_decision: "refuse" })
      expect(await vendorAct(TN, ret2.id, "receive")).toMatchObject({ status: 409 })
      expect(events.filter((e) => e.data.id === ret2.id).map((e) => e.name)).toEqual([
        "coopstall.return.requested", "coopstall.return.refused", "coopstall.return.escalated", "coopstall.return.decided",
      ])
      expect(events.find((e) => e.name === "coopstall.return.decided" && e.data.id === ret2.id)!.data).toMatchObject({ actor: "union", decision: "refuse", status: "rejected" })
    })

    it("refuses: outside the window, not delivered, another shopper's order, signed out, another cooperative's staff, items not in the order, twice and twice at once, foreign and non-image photos, garbage bodies", async () => {
      const { order, line_item_id } = await deliveredTea(minh, 2)
      const p = (await photo()).data.files[0].id
      const good = { items: [{ line_item_id, quantity: 1 }], reason: "Vỡ hộp", photos: [p] }

      // Outside the window: with a window of 0 days, any request after the delivery is late.
      process.env.RETURN_WINDOW_DAYS = "0"
      expect(await request(order.id, good)).toMatchObject({ status: 409, data: { code: "return_window_closed" } })
      process.env.RETURN_WINDOW_DAYS = ""

      // Not delivered: shipped only; and packed only.
      const shipped = await purchase(minh, [[TEA, 1]])
      await ship(TN, shipped.orderOf(TN).id)
      const shippedLine = (await api.get(`/vendor/orders/${shipped.orderOf(TN).id}`, bearer(vendor[TN]))).data.order.items[0].id
      expect(await request(shipped.orderOf(TN).id, { ...good, items: [{ line_item_id: shippedLine, quantity: 1 }] })).toMatchObject({ status: 409, data: { code: "not_delivered" } })

      // Another shopper's order: the same 404 as an unknown order; signed out: 401.
      const lanPhoto = (await photo(lan)).data.files[0].id
      expect(await request(order.id, { ...good, photos: [lanPhoto] }, lan)).toMatchObject({ status: 404 })
      expect(await request("order_01UNKNOWN", good)).toMatchObject({ status: 404 })
      expect((await call(api.post(`/store/orders/${order.id}/returns`, good, store))).status).toBe(401)
      expect((await call(api.get(`/store/returns`, store))).status).toBe(401)
      expect((await photo({ ...minh, h: store } as any)).status).toBe(401)

      // Items not in the order (the Dafusa oil of the same purchase is another cooperative's order), photos not the shopper's.
      const other = (await api.get(`/store/orders/${order.id}`, minh.h)).data.order.items.find((i: any) => i.variant_sku === OIL || i.id !== line_item_id)
      expect(await request(order.id, { ...good, items: [{ line_item_id: other.id, quantity: 1 }] })).toMatchObject({ status: 400, data: { code: "item_not_in_order" } })
      expect(await request(order.id, { ...good, photos: [lanPhoto] })).toMatchObject({ status: 400, data: { code: "invalid_photo" } })
      expect(await request(order.id, { ...good, items: [{ line_item_id, quantity: 3 }] })).toMatchObject({ status: 409, data: { code: "quantity_exceeds_returnable" } })

      // Garbage bodies.
      const garbage: unknown[] = [
        {}, { ...good, reason: "" }, { ...good, reason: "x".repeat(2001) }, { ...good, photos: [] }, { ...good, items: [] },
        { ...good, items: [{ line_item_id, quantity: 0 }] }, { ...good, items: [{ line_item_id, quantity: 1.5 }] }, { ...good, items: [{ line_item_id, quantity: "1" }] },
        { ...good, items: [{ line_item_id, quantity: 1e308 }] }, { ...good, items: [{ line_item_id, quantity: 1 }, { line_item_id, quantity: 1 }] },
        { ...good, photos: [p, p] }, { ...good, photos: Array(6).fill(p) }, { ...good, amount: 1 }, { ...good, items: "all" }, [], "text",
      ]
      for (const body of garbage) {
        const r = await request(order.id, body)
        expect([JSON.stringify(body).slice(0, 80), r.status, r.data.code]).toEqual([JSON.stringify(body).slice(0, 80), 400, "invalid_request"])
      }
      // A PDF is not a photo.
      expect(await photo(minh, PDF, "image/png")).toMatchObject({ status: 415, data: { code: "unsupported_file_type" } })

      // Twice at once: one is recorded, the other refused; then twice again.
      const both = await Promise.all([request(order.id, good), request(order.id, good)])
      expect(both.map((r) => r.status).sort()).toEqual([201, 409])
      expect(both.find((r) => r.status === 409)!.data.code).toBe("return_already_open")
      const ret = both.find((r) => r.status === 201)!.data.return
      expect(await request(order.id, good)).toMatchObject({ status: 409, data: { code: "return_already_open" } })
      expect((await api.get(`/store/returns?status=requested`, minh.h)).data.returns.filter((r: any) => r.order_id === order.id)).toHaveLength(1)

      // Another cooperative's staff: its return is a 404 for them, like an unknown one; wrong spellings are refused by the route table.
      for (const action of ["accept", "refuse", "receive"]) {
        expect((await vendorAct(DAFUSA, ret.id, action, action === "refuse" ? { reason: "không" } : {})).status).toBe(404)
      }
      expect((await vendorAct(TN, "cret_01UNKNOWN", "accept")).status).toBe(404)
      expect((await call(api.post(`/vendor/returns/${ret.id}/ACCEPT`, {}, bearer(vendor[TN])))).status).toBe(404)
      expect((await vendorAct(TN, ret.id, "accept", { note: 5 })).status).toBe(400)
      expect((await vendorAct(TN, ret.id, "receive", { force: true })).status).toBe(400)
      // Accept twice at once: one wins; the other answers 409.
      const accepts = await Promise.all([vendorAct(TN, ret.id, "accept"), vendorAct(TN, ret.id, "accept"), vendorAct(TN, ret.id, "refuse", { reason: "muộn" })])
      expect(accepts.map((r) => r.status).sort()).toEqual([200, 409, 409])
      // Receive twice at once: received once, stock back once.
      const stock = (await stockOf(api, TN, TEA)).stocked_quantity
      const status = (await api.get(`/store/returns/${ret.id}`, minh.h)).data.return.status
      if (status === "accepted") {
        const receipts = await Promise.all([vendorAct(TN, ret.id, "receive"), vendorAct(TN, ret.id, "receive")])
        expect(receipts.map((r) => r.status).sort()).toEqual([200, 409])
        expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stock + 1)
      }
      // Query garbage on the lists.
      expect((await call(api.get(`/store/returns?status=lost`, minh.h))).status).toBe(400)
      expect((await call(api.get(`/vendor/returns?limit=1e9`, bearer(vendor[TN])))).status).toBe(400)
      expect((await call(api.get(`/admin/returns?offset=-1`, asAdmin()))).status).toBe(400)
    })

    it("cash on delivery through the union's carrier: received only once the carrier's cash is in (nothing to refund before), then refunded from it", async () => {
      process.env.COD_COLLECTOR = "union"
      try {
        const { order, line_item_id } = await deliveredTea(minh, 1)
        const p = (await photo()).data.files[0].id
        const ret = (await request(order.id, { items: [{ line_item_id, quantity: 1 }], reason: "Hộp vỡ", photos: [p] })).data.return
        await vendorAct(TN, ret.id, "accept")
        const stock = (await stockOf(api, TN, TEA)).stocked_quantity
        expect(await vendorAct(TN, ret.id, "receive")).toMatchObject({ status: 409, data: { code: "not_paid" } })
        expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stock)
        const remitted = await call(api.post(`/admin/cod-remittances`, { order_id: order.id, carrier: "GHN", amount: 150000 }, asAdmin()))
        expect(remitted.status).toBe(201)
        await settle()
        const received = await vendorAct(TN, ret.id, "receive")
        expect(received.data).toMatchObject({ return: { status: "refunded" }, refund: { amount: 120000 }, commission_reversed: 12000 })
        expect((await stockOf(api, TN, TEA)).stocked_quantity).toBe(stock + 1)
      } finally {
        process.env.COD_COLLECTOR = ""
      }
    })
  },
})
