import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { complete, readyCart, variantsBySku } from "../checkout"
import adminDigestJob from "../../src/jobs/admin-digest"
import { formatDay, vnDay } from "../../src/lib/dates"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { bearer, call, createCooperative, demoLogin, logins, seedMarketplace, storeHeaders } from "../helpers"
import { captureLogs, linkIn, PNG, recordEvents, sleep, smtpInbox } from "../notifications"

jest.setTimeout(300_000)

// Issue 16: email that is really sent. A real SMTP server (the smtp-server package) listens inside
// this test; the application sends to it through the SMTP notification provider (nodemailer), and
// the test reads what arrived with mailparser, as a mail client would. Nothing is faked.
const SMTP_PORT = 9191
const ENV = {
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SMTP_FROM: "Liên minh HTX Phú Thọ <no-reply@lienminh.example.vn>",
  STOREFRONT_URL: "https://cho.example.vn",
  MEDUSA_BACKEND_URL: "https://api.example.vn",
  UNION_NAME: "Liên minh Hợp tác xã tỉnh Phú Thọ",
  VIETQR_BANK_BIN: "970415",
  VIETQR_ACCOUNT_NUMBER: "113366668888",
  VIETQR_ACCOUNT_NAME: "LIEN MINH HTX TINH",
  STRIPE_API_KEY: "",
}
const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]))
Object.assign(process.env, ENV)

const { inbox, mailTo } = smtpInbox(SMTP_PORT)

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) (v === undefined ? delete process.env[k] : (process.env[k] = v))
  // What the SMTP server received, for the issue note.
  console.log(inbox.map((m) => `${m.to.join(", ")} | ${m.subject}`).join("\n"))
})

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
      // Every line the application logs from here on; what it emits for returns, reviews and products, to deliver it again later.
      captureLogs(getContainer(), logged)
      recordEvents(getContainer(), "coopstall.", emitted)
    })

    const storedNotifications = (filters: Record<string, unknown>) => getContainer().resolve(Modules.NOTIFICATION).listNotifications(filters as any)

    const signIn = (actor: string, email: string, password: string) => call(api.post(`/auth/${actor}/emailpass`, { email, password }))

    /** Requests a reset, reads the link in the email, sets the new password with the token it carries. */
    async function resetThroughEmail(actor: "customer" | "vendor" | "user", email: string, linkPrefix: string, subject: string) {
      const since = inbox.length
      const asked = await call(api.post(`/auth/${actor}/emailpass/reset-password`, { identifier: email }))
      expect(asked.status).toBe(201)
      const mail = await mailTo(email, subject, since)
      expect(mail.from).toEqual({ name: "Liên minh HTX Phú Thọ", address: "no-reply@lienminh.example.vn" })
      const link = linkIn(mail, linkPrefix)
      const token = link.searchParams.get("token")!
      expect(token.split(".")).toHaveLength(3)
      expect(mail.html).toContain(link.toString().replace(/&/g, "&amp;"))
      const updated = await call(api.post(`/auth/${actor}/emailpass/update`, { email, password: "mat-khau-moi-2026" }, bearer(token)))
      expect(updated.status).toBe(200)
      // The same link works once.
      const again = await call(api.post(`/auth/${actor}/emailpass/update`, { email, password: "mat-khau-thu-ba" }, bearer(token)))
      expect(again.status).toBe(401)
      return { mail, link, token }
    }

    it("a shopper resets a forgotten password from the email: the new one signs in, the old one no longer does, and the link is in English for an English reader", async () => {
      const email = "hoa.le@example.vn"
      const registration = (await api.post(`/auth/customer/emailpass/register`, { email, password: "mat-khau-cu" })).data.token
      await api.post(`/store/customers`, { email, first_name: "Hoa", last_name: "Lê", metadata: { locale: "en" } }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      const { mail, link, token } = await resetThroughEmail("customer", email, "https://cho.example.vn/reset-password?", "Reset your password")
      expect(mail.to).toEqual([email])
      expect(link.searchParams.get("email")).toBe(email)
      expect(mail.text).toContain("Liên minh Hợp tác xã tỉnh Phú Thọ")
      expect(mail.text).toContain("valid for 15 minutes")
      expect((await signIn("customer", email, "mat-khau-moi-2026")).status).toBe(200)
      expect((await signIn("customer", email, "mat-khau-cu")).status).toBe(401)

      // The stored notification keeps neither the link nor the token; the log has neither.
      const [stored] = await storedNotifications({ to: email, template: "auth-password-reset" })
      expect(stored.status).toBe("success")
      expect(JSON.stringify(stored)).not.toContain(token)
      expect(stored.data).toEqual({ actor_type: "customer", email, locale: "en" })
      expect(logged.join("\n")).not.toContain(token)
    })

    it("cooperative staff reset through the panel's link and admins through Medusa Admin's, in Vietnamese", async () => {
      const staff = demoLogin("htx-che-thanh-nam")
      const vendor = await resetThroughEmail("vendor", staff.email, "https://api.example.vn/cooperative/reset-password?", "Đặt lại mật khẩu")
      expect(vendor.mail.text).toContain(`Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản gian hàng hợp tác xã ${staff.email}.`)
      expect(vendor.mail.text).toContain("Liên kết có hiệu lực trong 15 phút và chỉ dùng được một lần.")
      expect((await signIn("vendor", staff.email, "mat-khau-moi-2026")).status).toBe(200)
      expect((await signIn("vendor", staff.email, staff.password)).status).toBe(401)

      const admin = await resetThroughEmail("user", logins.admin.email, "https://api.example.vn/app/reset-password?", "Đặt lại mật khẩu")
      expect(admin.mail.text).toContain("tài khoản quản trị")
      expect((await signIn("user", logins.admin.email, "mat-khau-moi-2026")).status).toBe(200)
      expect((await signIn("user", logins.admin.email, logins.admin.password)).status).toBe(401)
      expect(logged.join("\n")).not.toContain(vendor.token)
      expect(logged.join("\n")).not.toContain(admin.token)
    })

    it("an unknown email, or an account asked for under another role, answers the same and gets nothing", async () => {
      const registration = (await api.post(`/auth/customer/emailpass/register`, { email: "hoa.le@example.vn", password: "mat-khau-cu" })).data.token
      await api.post(`/store/customers`, { email: "hoa.le@example.vn", first_name: "Hoa" }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      const since = inbox.length
      for (const [actor, email] of [
        ["customer", "khong-co@example.vn"],
        ["user", "hoa.le@example.vn"], // a shopper's email typed into the admin's form
        ["vendor", "hoa.le@example.vn"],
        ["customer", demoLogin("dafusa-phu-da").email], // cooperative staff are not shoppers
      ]) {
        const res = await call(api.post(`/auth/${actor}/emailpass/reset-password`, { identifier: email }))
        expect([actor, email, res.status]).toEqual([actor, email, 201])
      }
      // A real request afterwards: once its mail is in, the ones before it would have been too.
      const known = demoLogin("dafusa-phu-da")
      expect((await call(api.post(`/auth/vendor/emailpass/reset-password`, { identifier: known.email }))).status).toBe(201)
      await mailTo(known.email, "Đặt lại mật khẩu", since)
      await sleep(500)
      expect(inbox.slice(since).map((m) => m.envelopeTo.join())).toEqual([known.email])
    })

    it("an invited staff member gets the panel link by email; the token is nowhere in the log or the stored notification", async () => {
      const owner = (await signIn("vendor", demoLogin("dafusa-phu-da").email, demoLogin("dafusa-phu-da").password)).data.token
      const since = inbox.length
      const invited = await call(api.post(`/vendor/invites`, { email: "nhan.vien@example.vn", role: "staff" }, bearer(owner)))
      expect(invited.status).toBe(201)
      const token = invited.data.invite.token as string
      const mail = await mailTo("nhan.vien@example.vn", /^Lời mời tham gia gian hàng /, since)
      expect(mail.subject).toBe("Lời mời tham gia gian hàng HTX Dafusa Phú Đa")
      const link = linkIn(mail, "https://api.example.vn/cooperative/accept-invite?")
      expect(link.searchParams.get("token")).toBe(token)
      expect(mail.text).toContain("mời bạn quản lý gian hàng với vai trò nhân viên")
      const [stored] = await storedNotifications({ to: "nhan.vien@example.vn", template: "cooperative-invite" })
      expect(JSON.stringify(stored)).not.toContain(token)
      expect(logged.join("\n")).not.toContain(token)
    })

    it("a purchase from two cooperatives: the shopper gets every part and the VietQR details, each cooperative its order to pack, then shipment, delivery and cancellation; a redelivered event sends nothing twice", async () => {
      const shopper = "mua.hang@example.vn"
      const cartId = await readyCart(
        api,
        pk,
        regionId,
        [
          { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
          { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
        ],
        { email: shopper, provider_id: "pp_vietqr_vietqr" }
      )
      const since = inbox.length
      const placed = await complete(api, pk, cartId)
      expect(placed.status).toBe(200)
      const group = placed.data.order_group
      const reference = group.payment.reference

      const receipt = await mailTo(shopper, /^Đã nhận đơn hàng của bạn: /, since)
      expect(receipt.subject).toBe(`Đã nhận đơn hàng của bạn: ${new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(group.total)}`)
      for (const o of group.orders) {
        expect(receipt.text).toContain(`${o.cooperative.name}: đơn #${o.display_id}`)
        for (const i of o.items) expect(receipt.text).toContain(`× ${i.quantity}`)
      }
      expect(receipt.text).toContain("Thanh toán bằng chuyển khoản (VietQR)")
      expect(receipt.text).toContain("Số tài khoản: 113366668888")
      expect(receipt.text).toContain(`Nội dung chuyển khoản: ${reference}`)
      expect(receipt.html).toContain("Trà xanh")

      const thanhNam = group.orders.find((o: any) => o.cooperative.handle === "htx-che-thanh-nam")
      const dafusa = group.orders.find((o: any) => o.cooperative.handle === "dafusa-phu-da")
      const toPack = await mailTo(demoLogin("htx-che-thanh-nam").email, `Đơn mới #${thanhNam.display_id} cần đóng gói`, since)
      expect(toPack.text).toContain("giao đến Phường Thuận Hóa, Huế")
      expect(toPack.text).toContain(`https://api.example.vn/cooperative/orders/${thanhNam.id}`)
      expect(toPack.text).not.toContain("Dầu phộng") // another cooperative's items are not theirs to see
      await mailTo(demoLogin("dafusa-phu-da").email, `Đơn mới #${dafusa.display_id} cần đóng gói`, since)

      // The event delivered again (a retry, a second worker): nothing more is sent.
      const count = inbox.length
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit({ name: "order_group.placed", data: { id: group.id } })
      await bus.emit({ name: "order_group.placed", data: { id: group.id } })
      await sleep(1500)
      expect(inbox.length).toBe(count)

      // Thanh Nam packs and ships; the shopper gets the carrier and tracking number, then the delivery.
      // Each test starts from the seeded database (the runner restores it), so the demo password signs in.
      const signedIn = await signIn("vendor", demoLogin("htx-che-thanh-nam").email, demoLogin("htx-che-thanh-nam").password)
      expect(signedIn.status).toBe(200)
      const staff = signedIn.data.token
      const packedCall = await call(api.post(`/vendor/orders/${thanhNam.id}/fulfillments`, {}, bearer(staff)))
      expect([packedCall.status, packedCall.data]).toEqual([201, expect.anything()])
      const packed = packedCall
      const fulfillmentId = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${thanhNam.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post", tracking_number: "VTP0012345678" }, bearer(staff))
      const shipped = await mailTo(shopper, `HTX Chè Thanh Nam đã gửi hàng (đơn #${thanhNam.display_id})`)
      expect(shipped.text).toContain("Đơn vị vận chuyển: Viettel Post")
      expect(shipped.text).toContain("Mã vận đơn: VTP0012345678")
      await api.post(`/vendor/orders/${thanhNam.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(staff))
      await mailTo(shopper, `Đã giao đơn #${thanhNam.display_id} của HTX Chè Thanh Nam`)

      // Dafusa cancels its part before the money arrived: the shopper pays nothing for it.
      const dafusaStaff = (await signIn("vendor", demoLogin("dafusa-phu-da").email, demoLogin("dafusa-phu-da").password)).data.token
      const canceled = await call(api.post(`/vendor/orders/${dafusa.id}/cancel`, {}, bearer(dafusaStaff)))
      expect(canceled.status).toBe(200)
      const cancelMail = await mailTo(shopper, `Đơn #${dafusa.display_id} của HTX Dafusa Phú Đa đã bị hủy`)
      expect(cancelMail.text).toContain("Bạn không phải trả tiền cho đơn này.")
      await mailTo(demoLogin("dafusa-phu-da").email, `Đơn #${dafusa.display_id} đã bị hủy`)

      const before = inbox.length
      await bus.emit({ name: "shipment.created", data: { id: fulfillmentId } })
      await bus.emit({ name: "order.canceled", data: { id: dafusa.id } })
      await sleep(1500)
      expect(inbox.length).toBe(before)
      expect(logged.join("\n")).not.toMatch(/Notification to/)
    })

    it("the union's admins get one morning digest of what waits in their queues, however often the job runs", async () => {
      await createCooperative(api, "htx-moi@example.vn")
      const since = inbox.length
      await adminDigestJob(getContainer())
      await adminDigestJob(getContainer())
      const mail = await mailTo(logins.admin.email, `Việc cần xử lý ngày ${formatDay(vnDay(new Date()))}`, since)
      expect(mail.text).toMatch(/Hợp tác xã chờ duyệt: [1-9]/)
      expect(mail.text).toContain("Yêu cầu trả hàng chờ Liên minh quyết định: 0")
      expect(mail.text).toContain("https://api.example.vn/app/")
      await sleep(500)
      expect(inbox.slice(since).filter((m) => m.subject.startsWith("Việc cần xử lý"))).toHaveLength(1)
    })

    const vnd = (n: number) => new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(n)

    /** Delivers the same events again (a retry, a second worker) and checks that nothing more arrives. */
    async function redeliverSendsNothing(prefix: string) {
      const again = emitted.filter((e) => e.name.startsWith(prefix))
      expect(again.length).toBeGreaterThan(0)
      const count = inbox.length
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const e of again) await bus.emit({ name: e.name, data: e.data })
      await sleep(2000)
      expect(inbox.slice(count).map((m) => m.subject)).toEqual([])
    }

    it("returns: the cooperative hears a request, the shopper each answer (accept, receipt, refund with its amount, refusal with its reason, the union's decision), the union's admins an escalation, which the digest counts; a review reply reaches the shopper; redelivered events send nothing", async () => {
      const shopper = "tra.hang@example.vn"
      const registration = (await api.post(`/auth/customer/emailpass/register`, { email: shopper, password: "mat-khau-1" })).data.token
      await api.post(`/store/customers`, { email: shopper, first_name: "Minh", last_name: "Nguyễn" }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      const customerToken = (await signIn("customer", shopper, "mat-khau-1")).data.token as string
      const asShopper = { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${customerToken}` } }
      const admin = (await signIn("user", logins.admin.email, logins.admin.password)).data.token as string
      const tnEmail = demoLogin("htx-che-thanh-nam").email
      const tn = (await signIn("vendor", tnEmail, demoLogin("htx-che-thanh-nam").password)).data.token as string

      // A VietQR purchase of two boxes of tea, paid, shipped and delivered.
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-TX-200"], quantity: 2 }], { email: shopper, provider_id: "pp_vietqr_vietqr", customer_token: customerToken })
      const group = (await complete(api, pk, cartId)).data.order_group
      expect((await call(api.post(`/admin/order-groups/${group.id}/mark-paid`, {}, bearer(admin)))).status).toBe(200)
      const order = group.orders[0]
      const packed = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(tn)))
      const fulfillmentId = packed.data.order.fulfillments[0].id
      await api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "GHN", tracking_number: "GHN0099887766" }, bearer(tn))
      expect((await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(tn)))).status).toBe(200)
      await mailTo(shopper, `Đã giao đơn #${order.display_id} của HTX Chè Thanh Nam`)
      const line = (await api.get(`/vendor/orders/${order.id}`, bearer(tn))).data.order.items[0]

      const photo = async () => {
        const body = new FormData()
        body.append("files", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "anh.png")
        return (await call(api.post(`/store/return-photos`, body, asShopper))).data.files[0].id as string
      }
      const ask = async (reason: string) => {
        const asked = await call(api.post(`/store/orders/${order.id}/returns`, { items: [{ line_item_id: line.id, quantity: 1 }], reason, photos: [await photo()] }, asShopper))
        expect(asked.status).toBe(201)
        return asked.data.return.id as string
      }
      const act = async (id: string, action: string, body: unknown = {}) => expect((await call(api.post(`/vendor/returns/${id}/${action}`, body, bearer(tn)))).status).toBe(200)

      // Request → accept → receive: the union refunds the box's share.
      const since = inbox.length
      const first = await ask("Hộp trà bị móp, gói bên trong rách")
      const requested = await mailTo(tnEmail, `Yêu cầu trả hàng mới (đơn #${order.display_id})`, since)
      expect(requested.text).toContain(`Khách hàng muốn trả hàng của đơn #${order.display_id}, trị giá ${vnd(120000)}.`)
      expect(requested.text).toContain("Lý do của khách: Hộp trà bị móp, gói bên trong rách")
      expect(requested.text).toContain(`https://api.example.vn/cooperative/orders/${order.id}`)
      await act(first, "accept", { note: "Gửi lại qua GHN, HTX chịu phí" })
      const accepted = await mailTo(shopper, `HTX Chè Thanh Nam đồng ý trả hàng (đơn #${order.display_id})`, since)
      expect(accepted.text).toContain("Ghi chú của hợp tác xã: Gửi lại qua GHN, HTX chịu phí")
      expect(accepted.text).toContain(`https://cho.example.vn/vn/account/orders/details/${order.id}`)
      await act(first, "receive")
      await mailTo(shopper, `HTX Chè Thanh Nam đã nhận lại hàng trả (đơn #${order.display_id})`, since)
      const refunded = await mailTo(shopper, `Đã hoàn ${vnd(120000)} cho hàng trả (đơn #${order.display_id})`, since)
      expect(refunded.text).toContain(`Liên minh đã hoàn ${vnd(120000)} vào phương thức thanh toán của bạn`)

      // The other box: refused → escalated → the union refuses.
      const second = await ask("Trà có mùi lạ")
      await mailTo(tnEmail, `Yêu cầu trả hàng mới (đơn #${order.display_id})`, inbox.indexOf(refunded) + 1)
      await act(second, "refuse", { reason: "Trà đúng mùi khói truyền thống" })
      const refused = await mailTo(shopper, `HTX Chè Thanh Nam từ chối trả hàng (đơn #${order.display_id})`, since)
      expect(refused.text).toContain("Lý do: Trà đúng mùi khói truyền thống")
      expect((await call(api.post(`/store/returns/${second}/escalate`, { note: "Mùi hôi mốc, không phải mùi khói" }, asShopper))).status).toBe(200)
      await mailTo(shopper, `Liên minh đã nhận đề nghị xem xét trả hàng (đơn #${order.display_id})`, since)
      const escalated = await mailTo(logins.admin.email, `Trả hàng cần Liên minh quyết định: đơn #${order.display_id} của HTX Chè Thanh Nam`, since)
      expect(escalated.text).toContain("Ý kiến của khách: Mùi hôi mốc, không phải mùi khói")
      // The next morning's digest counts it (tomorrow: today's may already be sent by the test above).
      const digestSince = inbox.length
      const tomorrow = new Date(Date.now() + 86_400_000)
      await adminDigestJob(getContainer(), tomorrow)
      const digest = await mailTo(logins.admin.email, `Việc cần xử lý ngày ${formatDay(vnDay(tomorrow))}`, digestSince)
      expect(digest.text).toContain("Yêu cầu trả hàng chờ Liên minh quyết định: 1")
      expect((await call(api.post(`/admin/returns/${second}/decide`, { decision: "refuse", note: "Ảnh không cho thấy hư hỏng" }, bearer(admin)))).status).toBe(200)
      const decided = await mailTo(shopper, `Liên minh không chấp nhận trả hàng (đơn #${order.display_id})`, since)
      expect(decided.text).toContain("Lý do: Ảnh không cho thấy hư hỏng")
      const toCooperative = await mailTo(tnEmail, `Liên minh không chấp nhận trả hàng đơn #${order.display_id}`, since)
      expect(toCooperative.text).toContain("Yêu cầu đã kết thúc, hợp tác xã không phải làm gì thêm.")
      // Nobody else heard of it: the shopper, Thanh Nam's staff and the union's admins only.
      const [thanhNam] = await (getContainer().resolve(COOPERATIVE_MODULE) as any).listCooperatives({ handle: "htx-che-thanh-nam" }, { relations: ["users"] })
      const thanhNamStaff: string[] = thanhNam.users.map((u: any) => u.email)
      expect(thanhNamStaff).toContain(tnEmail)
      for (const m of inbox.slice(since)) expect([shopper, logins.admin.email, ...thanhNamStaff]).toEqual(expect.arrayContaining(m.envelopeTo))

      // The shopper reviews the tea; the union publishes the review; Thanh Nam answers.
      const products = (await api.get(`/store/products?limit=100&fields=id,handle,*variants`, storeHeaders(pk))).data.products
      const tea = products.find((p: any) => p.variants.some((v: any) => v.id === sku["THANHNAM-TX-200"]))
      const review = await call(api.post(`/store/reviews`, { order_id: order.id, product_id: tea.id, rating: 4, title: "Trà thơm", body: "Nước xanh, vị ngọt hậu." }, asShopper))
      expect(review.status).toBe(201)
      expect((await call(api.post(`/admin/reviews/${review.data.review.id}/publish`, {}, bearer(admin)))).status).toBe(200)
      expect((await call(api.post(`/vendor/reviews/${review.data.review.id}/reply`, { body: "Cảm ơn anh Minh đã tin dùng chè Thanh Nam!" }, bearer(tn)))).status).toBe(200)
      const reply = await mailTo(shopper, "HTX Chè Thanh Nam đã trả lời đánh giá của bạn", since)
      expect(reply.text).toContain("“Cảm ơn anh Minh đã tin dùng chè Thanh Nam!”")
      expect(reply.text).toContain(`https://cho.example.vn/vn/products/${tea.handle}`)

      await redeliverSendsNothing("coopstall.return.")
      await redeliverSendsNothing("coopstall.review.")
    })

    it("the union's product decisions reach every staff member of the cooperative: published, and rejected with the reason; redelivered events send nothing", async () => {
      const tnEmail = demoLogin("htx-che-thanh-nam").email
      const tn = (await signIn("vendor", tnEmail, demoLogin("htx-che-thanh-nam").password)).data.token as string
      const admin = (await signIn("user", logins.admin.email, logins.admin.password)).data.token as string
      const propose = async (title: string, skuCode: string) => {
        const created = await call(
          api.post(`/vendor/products`, { title, description: "Chè búp hái tay", thumbnail: "https://cdn.example.vn/che.jpg", images: [{ url: "https://cdn.example.vn/che.jpg" }], variants: [{ title: "Gói 100g", price: 90000, sku: skuCode }] }, bearer(tn))
        )
        expect(created.status).toBe(201)
        return created.data.product.id as string
      }
      const since = inbox.length
      const good = await propose("Chè móc câu Thanh Nam", "TN-MC-100")
      expect((await call(api.post(`/admin/products/${good}/publish`, {}, bearer(admin)))).status).toBe(200)
      const published = await mailTo(tnEmail, `Sản phẩm "Chè móc câu Thanh Nam" đã được duyệt`, since)
      expect(published.text).toContain(`https://api.example.vn/cooperative/products/${good}`)
      const bad = await propose("Chè thần dược chữa bách bệnh", "TN-TD-100")
      expect((await call(api.post(`/admin/products/${bad}/reject`, { reason: "Không được quảng cáo công dụng chữa bệnh" }, bearer(admin)))).status).toBe(200)
      const rejected = await mailTo(tnEmail, `Sản phẩm "Chè thần dược chữa bách bệnh" chưa được duyệt`, since)
      expect(rejected.text).toContain("Lý do: Không được quảng cáo công dụng chữa bệnh")
      expect(inbox.slice(since).every((m) => m.envelopeTo.every((to) => to !== logins.admin.email))).toBe(true)
      await redeliverSendsNothing("coopstall.product.")
    })
  },
})
