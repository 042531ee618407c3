import fs from "node:fs"
import logins from "../../src/scripts/demo-logins.json"
import { complete, readyCart } from "../checkout"
import { phonePage, type PanelWalkContext } from "./panel-walk"

// The cooperative panel's desk pages at a phone's size, as the demo cooperative (HTX Dafusa Phú Đa):
// answer a shopper's review (and see a second answer refused), filter the ledger and download it as
// CSV, invite a staff member (and remove them once they joined, withdraw another invitation), edit
// the bank account (a wrong number refused next to its field), and open a packing slip. What the
// pages need is made first through the APIs: a shopper's delivered order and two published reviews.
// Screenshots: .data/e2e/screenshots/panel-desk-*.png (docs/panel/ holds the committed copies).

const DAFUSA = logins.cooperatives.find((c) => c.handle === "dafusa-phu-da")!

/** "2026-12-01 19:05": an instant as a wall-clock time in Vietnam (UTC+7, no daylight saving). */
/** A CSV cell as RFC 4180 quotes it: a comma, quote or line break puts it in quotes, quotes doubled. */
const quoted = (s: string) => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

const vnMinute = (at: string) => new Date(new Date(at).getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ")

export async function panelDeskWalk(ctx: PanelWalkContext) {
  const { base, api, adminToken, log, elapsed } = ctx
  const started = Date.now()
  const step = (name: string, t0: number) => {
    elapsed[`desk_${name}`] = Date.now() - t0
    log(`panel desk: ${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  }

  // 0. A shopper's order from Dafusa, delivered, and two published reviews of it (store, vendor and admin APIs).
  let t = Date.now()
  const stamp = Date.now().toString(36)
  const key = await ctx.publishableKey()
  const store = { headers: { "x-publishable-api-key": key } }
  const shopperEmail = `khach-${stamp}@example.vn`
  const registration = (await ctx.fetchApi.post("/auth/customer/emailpass/register", { email: shopperEmail, password: "mat-khau-khach" })).data.token
  await ctx.fetchApi.post("/store/customers", { email: shopperEmail, first_name: "Thảo", last_name: "Lê" }, { headers: { ...store.headers, authorization: `Bearer ${registration}` } })
  const shopper = (await ctx.fetchApi.post("/auth/customer/emailpass", { email: shopperEmail, password: "mat-khau-khach" })).data.token
  const asShopper = { headers: { ...store.headers, authorization: `Bearer ${shopper}` } }
  const { data: regions } = await ctx.fetchApi.get("/store/regions", store)
  const { data: listed } = await ctx.fetchApi.get("/store/products?limit=100&fields=id,title,*variants", store)
  const oil = listed.products.find((p: any) => p.variants.some((v: any) => v.sku === "DAFUSA-DP-500"))
  const cartId = await readyCart(ctx.fetchApi, key, regions.regions[0].id, [{ variant_id: oil.variants.find((v: any) => v.sku === "DAFUSA-DP-500").id, quantity: 2 }], {
    email: shopperEmail,
    customer_token: shopper,
  })
  const done = await complete(ctx.fetchApi, key, cartId)
  expect(done.status).toBe(200)
  const orderId: string = done.data.order_group.orders[0].id
  const vendorToken = (await api("POST", "/auth/vendor/emailpass", { body: { email: DAFUSA.email, password: DAFUSA.password } })).data.token
  const { data: me } = await api("GET", "/vendor/me", { token: vendorToken })
  const packed = await api("POST", `/vendor/orders/${orderId}/fulfillments`, { token: vendorToken, body: {} })
  const parcel = packed.data.order.fulfillments[0].id
  await api("POST", `/vendor/orders/${orderId}/fulfillments/${parcel}/ship`, { token: vendorToken, body: { carrier: "VNPost", tracking_number: `VN${stamp.toUpperCase()}` } })
  const delivered = await api("POST", `/vendor/orders/${orderId}/fulfillments/${parcel}/deliver`, { token: vendorToken, body: {} })
  expect(delivered.data.order.progress).toBe("delivered")
  const displayId: number = delivered.data.order.display_id
  // The sale is booked from the delivery's event (a subscriber), so it may trail the answer by a moment.
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 300))) {
    const { data } = await api("GET", "/vendor/ledger?type=sale&limit=100", { token: vendorToken })
    if (data.entries.some((e: any) => e.order?.id === orderId)) break
  }
  const review = async (body: Record<string, unknown>) => {
    const created = await ctx.fetchApi.post("/store/reviews", { order_id: orderId, ...body }, asShopper)
    expect((await api("POST", `/admin/reviews/${created.data.review.id}/publish`, { token: adminToken, body: {} })).status).toBe(200)
    return created.data.review.id as string
  }
  const aboutOil = await review({ product_id: oil.id, rating: 5, title: "Dầu thơm, chai kín", body: "Dầu phộng thơm, đóng chai cẩn thận.\nSẽ mua lại." })
  const aboutStall = await review({ cooperative_id: me.cooperative.id, rating: 4, title: "Hàng tốt", body: "Giao hơi chậm nhưng hàng tốt." })
  step("setup", t)

  const { page, errors, shot } = await phonePage(ctx, "panel-desk")

  // 1. Sign in as Dafusa (the first walk's cooperative may still be signed in on this browser profile).
  t = Date.now()
  await page.goto(`${base}/cooperative/sign-in`)
  await page.evaluate(() => window.localStorage.removeItem("medusa_auth_token"))
  await page.reload()
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor()
  await page.fill("#email", DAFUSA.email)
  await page.fill("#password", DAFUSA.password)
  await page.getByTestId("sign-in-submit").click()
  await page.waitForURL(/\/cooperative\/$/)
  expect(await page.getByTestId("cooperative-name").textContent()).toBe(DAFUSA.name)
  await page.getByTestId("nav-more").click()
  await page.getByTestId("more-reviews").waitFor()
  await shot("more")
  step("sign_in", t)

  // 2. Reviews: answer the oil's review; the stall's review, answered meanwhile by someone else, is refused a second answer.
  t = Date.now()
  await page.getByTestId("more-reviews").click()
  const oilCard = page.locator(`[data-testid="review"][data-review="${aboutOil}"]`)
  const stallCard = page.locator(`[data-testid="review"][data-review="${aboutStall}"]`)
  await oilCard.getByTestId("reply-body").waitFor()
  expect(await oilCard.getByTestId("review-body").textContent()).toBe("Dầu phộng thơm, đóng chai cẩn thận.\nSẽ mua lại.")
  await oilCard.getByTestId("reply-submit").click()
  await oilCard.getByText("Bắt buộc.").waitFor()
  await oilCard.getByTestId("reply-body").fill("Cảm ơn chị Thảo! Hợp tác xã ép dầu mỗi tuần.")
  await shot("reviews")
  await oilCard.getByTestId("reply-submit").click()
  await oilCard.getByTestId("review-reply").getByText("Cảm ơn chị Thảo!", { exact: false }).waitFor()
  expect((await api("POST", `/vendor/reviews/${aboutStall}/reply`, { token: vendorToken, body: { body: "Xin lỗi chị, lần sau sẽ giao nhanh hơn." } })).status).toBe(200)
  await stallCard.getByTestId("reply-body").fill("Câu trả lời thứ hai")
  await stallCard.getByTestId("reply-submit").click()
  await stallCard.getByTestId("reply-refused").waitFor()
  await stallCard.getByTestId("review-reply").getByText("Xin lỗi chị, lần sau sẽ giao nhanh hơn.").waitFor()
  const { data: answered } = await api("GET", "/vendor/reviews?limit=100", { token: vendorToken })
  const replyOf = (id: string) => answered.reviews.find((r: any) => r.id === id).reply?.body
  expect([replyOf(aboutOil), replyOf(aboutStall)]).toEqual(["Cảm ơn chị Thảo! Hợp tác xã ép dầu mỗi tuần.", "Xin lỗi chị, lần sau sẽ giao nhanh hơn."])
  step("reviews", t)

  // 3. Ledger: only the sales, then the CSV of them, checked line by line against the API.
  t = Date.now()
  await page.getByTestId("nav-ledger").click()
  await page.getByTestId("ledger-balance").waitFor()
  await page.selectOption('[data-testid="ledger-type"]', "sale")
  await page.waitForFunction(() => window.location.search === "?type=sale")
  await page.locator('[data-testid="ledger-line"][data-type="sale"]').first().waitFor()
  expect(await page.locator('[data-testid="ledger-line"]:not([data-type="sale"])').count()).toBe(0)
  await shot("ledger")
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ledger-csv").click()])
  expect(download.suggestedFilename()).toMatch(/^so-cai-dafusa-phu-da-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, "utf8")
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n")
  expect(lines[0]).toBe("date,type,description,order,amount,rate")
  const { data: sales } = await api("GET", "/vendor/ledger?type=sale&limit=100", { token: vendorToken })
  expect(lines.length - 1).toBe(sales.count)
  const ours = sales.entries.filter((e: any) => e.order?.id === orderId)
  expect(ours.length).toBeGreaterThan(0)
  for (const e of ours) {
    // Whole đồng, no separators; the date is Vietnam's wall clock; the order by its number.
    expect(lines).toContain(`${vnMinute(e.occurred_at)},sale,${quoted(e.description ?? "Doanh thu bán hàng")},#${displayId},${e.amount},`)
  }
  for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},sale,/)
  await page.getByTestId("to-payouts").click()
  await page.getByRole("heading", { name: "Chi trả" }).waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'))
  const payoutRows = await page.getByTestId("payout-row").count()
  const { data: payouts } = await api("GET", "/vendor/payouts", { token: vendorToken })
  expect(payoutRows).toBe(payouts.payouts.length)
  if (payoutRows) {
    await page.getByTestId("payout-row").first().click()
    await page.getByTestId("payout-detail").waitFor()
  }
  step("ledger", t)

  // 4. Team: the owner invites a staff member (the link shown once), who joins and is then removed; another invitation is withdrawn.
  t = Date.now()
  await page.getByTestId("nav-more").click()
  await page.getByTestId("more-team").click()
  const self = page.locator(`[data-testid="member"][data-email="${DAFUSA.email}"]`)
  await self.getByTestId("member-role").getByText("Chủ").waitFor()
  expect(await self.getByTestId("remove-member").isDisabled()).toBe(true)
  const staffEmail = `nhanvien-${stamp}@dafusa.vn`
  await page.fill("#email", "khong-phai-email")
  await page.getByTestId("invite-submit").click()
  await page.getByTestId("error-email").getByText("Email không hợp lệ.").waitFor()
  await page.fill("#email", staffEmail)
  await page.selectOption("#role", "staff")
  await page.getByTestId("invite-submit").click()
  const link = (await page.getByTestId("invite-link").textContent())!
  expect(link).toContain(`${base}/cooperative/accept-invite?token=`)
  await page.locator(`[data-testid="invite"][data-email="${staffEmail}"]`).waitFor()
  await shot("team")
  // The invited person joins through the API (a sign-in of their own, then the invite's token).
  const joining = (await api("POST", "/auth/vendor/emailpass/register", { body: { email: staffEmail, password: "mat-khau-nhan-vien" } })).data.token
  const accepted = await api("POST", "/vendor/invites/accept", { token: joining, body: { token: new URL(link).searchParams.get("token"), first_name: "Hoa", last_name: "Trần" } })
  expect(accepted.status).toBe(201)
  await page.reload()
  const staff = page.locator(`[data-testid="member"][data-email="${staffEmail}"]`)
  await staff.getByTestId("member-role").getByText("Nhân viên").waitFor()
  await staff.getByTestId("remove-member").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Xóa khỏi gian hàng" }).click()
  await staff.waitFor({ state: "detached" })
  const otherEmail = `ketoan-${stamp}@dafusa.vn`
  await page.fill("#email", otherEmail)
  await page.getByTestId("invite-submit").click()
  const other = page.locator(`[data-testid="invite"][data-email="${otherEmail}"]`)
  await other.getByTestId("revoke-invite").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Thu hồi lời mời" }).click()
  await other.waitFor({ state: "detached" })
  const { data: team } = await api("GET", "/vendor/users", { token: vendorToken })
  expect(team.users.map((u: any) => u.email)).not.toContain(staffEmail)
  const { data: invites } = await api("GET", "/vendor/invites", { token: vendorToken })
  expect(invites.invites.find((i: any) => i.email === otherEmail)).toMatchObject({ status: "revoked" })
  step("team", t)

  // 5. Settings: a bank account number the server refuses is marked at its field, in Vietnamese; a good one is saved, unverified.
  t = Date.now()
  await page.getByTestId("nav-more").click()
  await page.getByTestId("more-settings").click()
  await page.getByTestId("settings-bank").waitFor()
  await page.fill("#bank-bin", "970436")
  await page.fill("#bank-account_number", "12")
  await page.fill("#bank-account_holder", "HTX DAFUSA PHU DA")
  await page.getByTestId("save-bank").click()
  await page.getByTestId("error-bank-account_number").getByText("Số tài khoản gồm 4 đến 19 chữ số hoặc chữ cái.").waitFor()
  await page.fill("#bank-account_number", "0071000888999")
  await page.getByTestId("save-bank").click()
  await page.getByText("Đã lưu tài khoản. Liên minh HTX sẽ xác minh lại.").first().waitFor()
  await page.locator('[data-testid="bank-state"][data-state="unverified"]').waitFor()
  const { data: after } = await api("GET", "/vendor/me", { token: vendorToken })
  expect(after.cooperative.bank_account).toMatchObject({ bin: "970436", account_number: "0071000888999", account_holder: "HTX DAFUSA PHU DA", verified_at: null })
  await page.getByTestId("settings-rates").getByTestId("rate").first().waitFor()
  await shot("settings")
  step("settings", t)

  // 6. The packing slip of the order, from the order page: the cooperative, the order number, the address, the items; printed without the panel's bars.
  t = Date.now()
  await page.goto(`${base}/cooperative/orders/${orderId}`)
  await page.getByTestId("open-packing-slip").click()
  const slip = page.getByTestId("packing-slip")
  await slip.waitFor()
  expect(await slip.getByTestId("slip-cooperative").textContent()).toBe(DAFUSA.name)
  expect(await slip.getByTestId("slip-order").textContent()).toBe(`#${displayId}`)
  await slip.getByTestId("slip-address").getByText("12 Lê Lợi", { exact: false }).waitFor()
  await slip.getByTestId("slip-items").getByText(oil.title, { exact: false }).waitFor()
  await shot("packing-slip")
  await page.emulateMedia({ media: "print" })
  expect(await page.locator("header").isVisible()).toBe(false)
  expect(await page.locator("nav").first().isVisible()).toBe(false)
  expect(await slip.isVisible()).toBe(true)
  await page.emulateMedia({ media: "screen" })
  step("packing_slip", t)

  // 7. Signing out lands on the sign-in page and forgets the token.
  await page.getByTestId("sign-out").click()
  await page.getByTestId("sign-in-submit").waitFor()
  expect(await page.evaluate(() => window.localStorage.getItem("medusa_auth_token"))).toBeNull()

  expect(errors).toEqual([])
  await page.close()
  elapsed.panel_desk = Date.now() - started
}
