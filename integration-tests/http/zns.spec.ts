import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { complete, readyCart, variantsBySku } from "../checkout"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { bearer, call, demoLogin, seedMarketplace, storeHeaders } from "../helpers"
import { captureLogs, PNG, recordEvents, sleep, smtpInbox } from "../notifications"
import { useEnv } from "../env"

jest.setTimeout(300_000)

// Issue 16 point 5: Zalo ZNS as a second channel. Zalo's template API is FAKED here: a plain HTTP
// server inside this test stands in for https://business.openapi.zalo.me/message/template (the app
// is pointed at it by ZNS_API_URL), answers as Zalo documents (`{ error: 0, data: { msg_id } }`, or
// a non-zero `error`), and records what it was sent. Email goes to a real SMTP server inside the
// test (smtp-server), as in email.spec.ts. Everything else is the real app through HTTP.

type ZaloCall = { access_token: string | undefined; phone: string; template_id: string; template_data: Record<string, unknown>; tracking_id?: string }
const zalo = { calls: [] as ZaloCall[], answer: null as null | ((c: ZaloCall) => { status: number; body: unknown } | null), n: 0 }
const fakeZalo = http.createServer((req, res) => {
  let raw = ""
  req.on("data", (c) => (raw += c))
  req.on("end", () => {
    const body = JSON.parse(raw || "{}")
    const received: ZaloCall = { access_token: req.headers["access_token"] as string | undefined, ...body }
    zalo.calls.push(received)
    const forced = zalo.answer?.(received)
    const { status, body: answer } = forced ?? {
      status: 200,
      body: req.url === "/message/template" && req.method === "POST"
        ? { error: 0, message: "Success", data: { msg_id: `zns${++zalo.n}`, sent_time: String(Date.now()), quota: { dailyQuota: "500", remainingQuota: "499" } } }
        : { error: -201, message: "Invalid request" },
    }
    res.writeHead(status, { "content-type": "application/json" })
    res.end(typeof answer === "string" ? answer : JSON.stringify(answer))
  })
})
const ZALO_PORT = 30_000 + Math.floor(Math.random() * 20_000)
const SMTP_PORT = 9192
const TOKEN = "zns-access-token-4f8a1c9e7b2d"
// order-canceled has no template: it goes by email without asking Zalo.
const TEMPLATES = { "purchase-placed": "250001", "order-to-pack": "250002", "order-shipped": "250003", "order-delivered": "250004", "return-accepted": "250005", "cooperative-return-requested": "250006", "return-received": "250007" }

useEnv({
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SMTP_FROM: "Liên minh HTX Phú Thọ <no-reply@lienminh.example.vn>",
  ZNS_ACCESS_TOKEN: TOKEN,
  ZNS_API_URL: `http://127.0.0.1:${ZALO_PORT}/message/template`,
  ZNS_TEMPLATES: Object.entries(TEMPLATES).map(([k, v]) => `${k}=${v}`).join(","),
  STOREFRONT_URL: "https://cho.example.vn",
  MEDUSA_BACKEND_URL: "https://api.example.vn",
  VIETQR_BANK_BIN: "970415",
  VIETQR_ACCOUNT_NUMBER: "113366668888",
  VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  STRIPE_API_KEY: "",
})
beforeAll(() => new Promise<void>((resolve) => fakeZalo.listen(ZALO_PORT, "127.0.0.1", () => resolve())))
afterAll(() => new Promise<void>((resolve) => fakeZalo.close(() => resolve())))
const { inbox, mailTo } = smtpInbox(SMTP_PORT)

const TN = "htx-che-thanh-nam"
const DAFUSA = "dafusa-phu-da"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let sku: Record<string, string>
    const logged: string[] = []
    const emitted: { name: string; data: any }[] = []

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      sku = await variantsBySku(api, pk)
      // Thanh Nam's owner gave a phone, typed as people type it (the demo staff have none); Dafusa's staff did not.
      const cooperatives: any = getContainer().resolve(COOPERATIVE_MODULE)
      const [owner] = await cooperatives.listCooperativeUsers({ email: demoLogin(TN).email })
      await cooperatives.updateCooperativeUsers({ id: owner.id, phone: "+84 (912) 345.678" })
      captureLogs(getContainer(), logged)
      recordEvents(getContainer(), "", emitted)
    })
    beforeEach(() => {
      zalo.answer = null
    })

    const signIn = (actor: string, email: string, password: string) => call(api.post(`/auth/${actor}/emailpass`, { email, password }))
    const storedNotifications = (filters: Record<string, unknown>) => getContainer().resolve(Modules.NOTIFICATION).listNotifications(filters as any)
    const callsTo = (phone: string, templateId: string, since = 0) => zalo.calls.slice(since).filter((c) => c.phone === phone && c.template_id === templateId)
    async function zaloCall(phone: string, templateId: string, since = 0): Promise<ZaloCall> {
      for (let i = 0; i < 100; i++) {
        const found = callsTo(phone, templateId, since)[0]
        if (found) return found
        await sleep(100)
      }
      throw new Error(`Zalo got no template ${templateId} for ${phone}; it got: ${zalo.calls.map((c) => `${c.phone}/${c.template_id}`).join(", ")}`)
    }
    /** A shopper account with a phone on it (or none). */
    async function shopper(email: string, phone?: string) {
      const registration = (await api.post(`/auth/customer/emailpass/register`, { email, password: "mat-khau-1" })).data.token
      await api.post(`/store/customers`, { email, first_name: "Minh", last_name: "Nguyễn", ...(phone ? { phone } : {}) }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      const token = (await signIn("customer", email, "mat-khau-1")).data.token as string
      return { email, token, h: { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${token}` } } }
    }
    /** Delivers the events recorded since `from` again (a retry, a second worker): nothing more may reach Zalo or the inbox. */
    async function redeliverSendsNothing(names: string[], from: number) {
      const again = emitted.slice(from).filter((e) => names.includes(e.name))
      expect(again.length).toBeGreaterThan(0)
      const [calls, mails] = [zalo.calls.length, inbox.length]
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const e of again) await bus.emit({ name: e.name, data: e.data })
      for (const e of again) await bus.emit({ name: e.name, data: e.data })
      await sleep(2000)
      expect({ zalo: zalo.calls.slice(calls).map((c) => c.template_id), email: inbox.slice(mails).map((m) => m.subject) }).toEqual({ zalo: [], email: [] })
    }

    it("a purchase: the shopper (phone on the account) and Thanh Nam's owner (phone on the staff account) hear by Zalo, in Vietnamese, amounts in whole đồng; Dafusa's staff, who gave no phone, by email; a redelivered event sends nothing twice", async () => {
      const minh = await shopper("minh.zalo@example.vn", "0912 000 111")
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-TX-200"], quantity: 2 }, { variant_id: sku["DAFUSA-DP-500"], quantity: 1 }], {
        email: minh.email, provider_id: "pp_vietqr_vietqr", customer_token: minh.token,
      })
      const [calls, mails, events] = [zalo.calls.length, inbox.length, emitted.length]
      const placed = await complete(api, pk, cartId)
      expect(placed.status).toBe(200)
      const group = placed.data.order_group
      const thanhNam = group.orders.find((o: any) => o.cooperative.handle === TN)
      const dafusa = group.orders.find((o: any) => o.cooperative.handle === DAFUSA)

      // The account's phone wins over the delivery address's (0905123456), written 84xxxxxxxxx.
      const receipt = await zaloCall("84912000111", TEMPLATES["purchase-placed"], calls)
      expect(receipt.access_token).toBe(TOKEN)
      expect(receipt.tracking_id).toMatch(/^[0-9a-f]{32}$/)
      expect(receipt.template_data).toEqual({
        order_code: group.orders.map((o: any) => `#${o.display_id}`).join(", "),
        cooperatives: group.orders.map((o: any) => o.cooperative.name).join(", "),
        total: group.total,
        payment: "Chuyển khoản VietQR",
        transfer_message: group.payment.reference,
        placed_at: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
      })
      expect(Number.isInteger(receipt.template_data.total)).toBe(true)
      expect(receipt.template_data.cooperatives).toContain("HTX Chè Thanh Nam")
      expect(receipt.template_data.cooperatives).toContain("Phú Đa")

      const toPack = await zaloCall("84912345678", TEMPLATES["order-to-pack"], calls)
      expect(toPack.template_data).toEqual({ cooperative_name: "HTX Chè Thanh Nam", order_code: `#${thanhNam.display_id}`, total: thanhNam.total, payment: "Đã trả trước", ship_to: "Phường Thuận Hóa, Huế" })
      // Dafusa's staff have no phone: their order to pack arrives by email.
      await mailTo(demoLogin(DAFUSA).email, `Đơn mới #${dafusa.display_id} cần đóng gói`, mails)
      await sleep(1000)
      // Neither the shopper nor Thanh Nam's owner got the same message by email too.
      expect(inbox.slice(mails).filter((m) => m.envelopeTo.includes(minh.email) || m.envelopeTo.includes(demoLogin(TN).email))).toEqual([])
      expect(inbox.slice(mails).every((m) => m.subject === `Đơn mới #${dafusa.display_id} cần đóng gói`)).toBe(true)
      const [stored] = await storedNotifications({ channel: "zns", template: "purchase-placed" })
      expect(stored).toMatchObject({ to: "84912000111", status: "success", external_id: expect.stringMatching(/^zns/) })

      await redeliverSendsNothing(["order_group.placed"], events)
      expect(logged.join("\n")).not.toContain(TOKEN)
    })

    it("a guest's parcel: ZNS to the delivery address's phone; when Zalo answers an error code, or HTTP 502, the same message arrives by email, once; a message with no template goes by email without asking Zalo", async () => {
      const guest = "khach.vang@example.vn"
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-TX-200"], quantity: 1 }], { email: guest })
      const calls = zalo.calls.length
      const placed = await complete(api, pk, cartId)
      const order = placed.data.order_group.orders[0]
      // "0905123456" typed at checkout (integration-tests/checkout.ts).
      await zaloCall("84905123456", TEMPLATES["purchase-placed"], calls)

      const tn = (await signIn("vendor", demoLogin(TN).email, demoLogin(TN).password)).data.token as string
      const packed = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(tn)))
      const fulfillmentId = packed.data.order.fulfillments[0].id
      // Zalo refuses the shipment message (the number has no Zalo account): the shopper reads it by email.
      zalo.answer = (c) => (c.template_id === TEMPLATES["order-shipped"] ? { status: 200, body: { error: -118, message: "Zalo account not existed" } } : null)
      const [mails, events] = [inbox.length, emitted.length]
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post", tracking_number: "VTP0012345678" }, bearer(tn))
      const shipped = await mailTo(guest, `HTX Chè Thanh Nam đã gửi hàng (đơn #${order.display_id})`, mails)
      expect(shipped.text).toContain("Mã vận đơn: VTP0012345678")
      const tried = await zaloCall("84905123456", TEMPLATES["order-shipped"], calls)
      expect(tried.template_data).toEqual({ cooperative_name: "HTX Chè Thanh Nam", order_code: `#${order.display_id}`, carrier: "Viettel Post", tracking_number: "VTP0012345678" })
      const [failed] = await storedNotifications({ channel: "zns", template: "order-shipped" })
      expect(failed.status).toBe("failure")
      const [emailed] = await storedNotifications({ channel: "email", template: "order-shipped" })
      expect(emailed.status).toBe("success")
      expect(logged.some((l) => l.includes(`ZNS message "order-shipped"`) && l.includes("-118"))).toBe(true)
      // Delivered again, even with Zalo working now: it stays an email already sent, and nothing more goes out.
      zalo.answer = null
      await redeliverSendsNothing(["shipment.created"], events)

      // Zalo's server fails (HTTP 502, not JSON): the delivery message goes by email.
      zalo.answer = (c) => (c.template_id === TEMPLATES["order-delivered"] ? { status: 502, body: "<html>Bad Gateway</html>" } : null)
      const beforeDelivery = inbox.length
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(tn))
      await mailTo(guest, `Đã giao đơn #${order.display_id} của HTX Chè Thanh Nam`, beforeDelivery)
      expect(logged.some((l) => l.includes(`ZNS message "order-delivered"`) && l.includes("HTTP 502"))).toBe(true)

      // No template for cancellations: email, and Zalo hears nothing of it.
      const second = await readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-TX-200"], quantity: 1 }], { email: guest })
      const other = (await complete(api, pk, second)).data.order_group.orders[0]
      expect((await call(api.post(`/vendor/orders/${other.id}/cancel`, {}, bearer(tn)))).status).toBe(200)
      await mailTo(guest, `Đơn #${other.display_id} của HTX Chè Thanh Nam đã bị hủy`, beforeDelivery)
      await mailTo(demoLogin(TN).email, `Đơn #${other.display_id} đã bị hủy`, beforeDelivery)
      for (const template of ["order-canceled", "cooperative-order-canceled"]) expect(await storedNotifications({ channel: "zns", template })).toEqual([])
      expect(logged.join("\n")).not.toContain(TOKEN)
    })

    it("a return: the cooperative's owner hears the request by Zalo, the shopper the acceptance; with Zalo down, the next answer falls back to email; redelivered return events send nothing", async () => {
      const lan = await shopper("lan.zalo@example.vn", "+84 983 456 789")
      const tn = (await signIn("vendor", demoLogin(TN).email, demoLogin(TN).password)).data.token as string
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-TX-200"], quantity: 2 }], { email: lan.email, customer_token: lan.token })
      const order = (await complete(api, pk, cartId)).data.order_group.orders[0]
      const packed = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(tn)))
      const fulfillmentId = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "GHN", tracking_number: "GHN0099887766" }, bearer(tn))
      expect((await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(tn)))).status).toBe(200)
      const line = (await api.get(`/vendor/orders/${order.id}`, bearer(tn))).data.order.items[0]
      const photo = async () => {
        const body = new FormData()
        body.append("files", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "anh.png")
        return (await call(api.post(`/store/return-photos`, body, lan.h))).data.files[0].id as string
      }

      const [calls, events] = [zalo.calls.length, emitted.length]
      const asked = await call(api.post(`/store/orders/${order.id}/returns`, { items: [{ line_item_id: line.id, quantity: 1 }], reason: "Hộp trà bị móp, gói bên trong rách", photos: [await photo()] }, lan.h))
      expect(asked.status).toBe(201)
      const requested = await zaloCall("84912345678", TEMPLATES["cooperative-return-requested"], calls)
      expect(requested.template_data).toEqual({ cooperative_name: "HTX Chè Thanh Nam", order_code: `#${order.display_id}`, amount: 120000, reason: "Hộp trà bị móp, gói bên trong rách" })
      expect((await call(api.post(`/vendor/returns/${asked.data.return.id}/accept`, { note: "Gửi lại qua GHN, HTX chịu phí" }, bearer(tn)))).status).toBe(200)
      const accepted = await zaloCall("84983456789", TEMPLATES["return-accepted"], calls)
      expect(accepted.template_data).toEqual({ cooperative_name: "HTX Chè Thanh Nam", order_code: `#${order.display_id}`, amount: 120000, note: "Gửi lại qua GHN, HTX chịu phí" })

      // Zalo is down for everything (HTTP 503): the receipt's messages reach the shopper by email.
      zalo.answer = () => ({ status: 503, body: { error: -32, message: "Service unavailable" } })
      const mails = inbox.length
      expect((await call(api.post(`/vendor/returns/${asked.data.return.id}/receive`, {}, bearer(tn)))).status).toBe(200)
      await mailTo(lan.email, `HTX Chè Thanh Nam đã nhận lại hàng trả (đơn #${order.display_id})`, mails)
      zalo.answer = null
      await sleep(500)
      await redeliverSendsNothing(["coopstall.return.requested", "coopstall.return.accepted", "coopstall.return.received"], events)
      expect(logged.join("\n")).not.toContain(TOKEN)
    })
  },
})
