import fs from "node:fs"
import path from "node:path"
import logins from "../../src/scripts/demo-logins.json"
import { phonePage, type PanelWalkContext } from "./panel-walk"

// The cooperative panel's traceability and quality marks, at a phone's size, as HTX Dafusa Phú Đa
// (a demo cooperative, approved): a lot of peanut oil with its steps, published, its sheet of QR
// labels; then a VietGAP certificate with a scanned evidence file, turned back by the union with a
// reason, corrected, and verified. Runs after the first-week walk, in the same server and browser.
// Screenshots: .data/e2e/screenshots/panel-*.png (docs/panel/ holds the committed copies).

/** A one-page PDF standing in for a scanned certificate (the server judges the type by the bytes). */
const SCAN_PDF =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
  "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

/** A calendar day in Vietnam, `days` from today (YYYY-MM-DD), as the server counts days. */
const vnDay = (days = 0) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

export async function panelTraceWalk(ctx: PanelWalkContext) {
  const { base, api, adminToken, log, elapsed } = ctx
  const started = Date.now()
  const { page, errors, shot } = await phonePage(ctx, "panel")
  const step = (name: string, t0: number) => {
    elapsed[`panel_trace_${name}`] = Date.now() - t0
    log(`panel (trace): ${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  }
  const stamp = Date.now().toString(36).toUpperCase()

  // 0. Sign in as Dafusa (the first walk left its own cooperative signed in: sign that out first).
  let t = Date.now()
  const { email, password } = logins.cooperatives.find((c) => c.handle === "dafusa-phu-da")!
  await page.goto(`${base}/cooperative/sign-in`)
  await page.evaluate(() => window.localStorage.removeItem("medusa_auth_token"))
  await page.reload()
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor()
  await page.fill("#email", email)
  await page.fill("#password", password)
  await page.getByTestId("sign-in-submit").click()
  await page.getByTestId("cooperative-name").getByText("HTX Dafusa Phú Đa").waitFor()
  const vendorToken = (await api("POST", "/auth/vendor/emailpass", { body: { email, password } })).data.token
  step("sign_in", t)

  // 1. A lot of the 1-litre peanut oil: a wrong date order is refused next to its field, in Vietnamese.
  t = Date.now()
  await page.getByTestId("nav-lots").click()
  await page.getByTestId("lot-row").first().waitFor() // the demo's published lot
  await page.getByTestId("new-lot").click()
  await page.getByRole("heading", { name: "Lô hàng mới" }).waitFor()
  await page.selectOption("#product_id", { label: "Dầu phộng nguyên chất Dafusa" })
  await page.selectOption("#variant_id", { label: "Chai 1 lít" })
  const lotNumber = `DP-${stamp}`.slice(0, 20)
  await page.fill("#lot_number", lotNumber)
  await page.fill("#quantity", "120")
  await page.fill("#unit", "chai")
  await page.fill("#harvested_on", vnDay(-20))
  await page.fill("#packed_on", vnDay(-25))
  await page.fill("#best_before", vnDay(300))
  await page.fill("#origin_area", "Cánh đồng lạc Viễn Trình")
  await page.selectOption("#origin_province", "Huế")
  await page.getByTestId("create-lot").click()
  await page.getByTestId("error-packed_on").getByText("Không được trước ngày thu hoạch.").waitFor()
  await shot("lot-new-error")
  await page.fill("#packed_on", vnDay(-5))
  await page.getByTestId("create-lot").click()
  await page.waitForURL(/\/cooperative\/lots\/lot_/)
  const lotId = page.url().split("/").pop()!
  await page.getByTestId("lot-status").getByText("Nháp").waitFor()
  expect(await page.getByTestId("publish-lot").isDisabled()).toBe(true)
  step("create_lot", t)

  // 2. Its steps, then publish (the confirmation says the details are fixed from then on).
  t = Date.now()
  const steps = [
    { type: "harvest", at: `${vnDay(-20)}T07:30`, title: "Nhổ lạc", description: "Phơi khô 3 nắng." },
    { type: "processing", at: `${vnDay(-8)}T08:00`, title: "Ép lạnh", description: "Bóc vỏ, xay, hấp và ép lạnh; lắng lọc 7 ngày." },
    { type: "packing", at: `${vnDay(-5)}T09:15`, title: "Đóng chai 1 lít", description: "120 chai thủy tinh, dán tem truy xuất." },
  ]
  for (const [i, s] of steps.entries()) {
    await page.selectOption("#type", s.type)
    await page.fill("#occurred_at", s.at)
    await page.fill("#title", s.title)
    await page.fill("#description", s.description)
    await page.getByTestId("add-step").click()
    await page.locator('[data-testid="trace-step"]').nth(i).waitFor()
  }
  await page.locator('[data-testid="trace-step"][data-type="packing"]').getByText("Đóng chai 1 lít", { exact: false }).waitFor()
  await shot("lot")
  await page.getByTestId("publish-lot").click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Công bố lô" }).click()
  await page.getByTestId("lot-status").getByText("Đã công bố").waitFor()
  const { data: published } = await api("GET", `/vendor/lots/${lotId}`, { token: vendorToken })
  expect(published.lot).toMatchObject({ status: "published", lot_number: lotNumber, quantity: 120, unit: "chai", origin_province: "Huế" })
  expect(published.lot.events.map((e: { type: string }) => e.type)).toEqual(["harvest", "processing", "packing"])
  expect(await page.getByTestId("trace-link").textContent()).toBe(published.lot.links.trace_url)
  // The public page its QR code opens, for anyone.
  const tracePage = await fetch(`${base}/t/${published.lot.code}`)
  expect(tracePage.status).toBe(200)
  expect(await tracePage.text()).toContain("Ép lạnh")
  step("publish", t)

  // 3. The QR label sheet: each label carries the server's QR code (what it encodes: the trace URL) and the product name.
  t = Date.now()
  await page.getByTestId("open-labels").click()
  await page.waitForURL(new RegExp(`/cooperative/lots/${lotId}/labels$`))
  await page.getByTestId("qr-label").first().waitFor()
  expect(await page.getByTestId("qr-label").count()).toBe(24)
  expect(await page.getByTestId("qr-sheet").getAttribute("data-encodes")).toBe(published.lot.links.qr_encodes)
  expect(await page.locator('[data-testid="qr-label"] img').first().getAttribute("src")).toMatch(/^data:image\/svg\+xml/)
  await page.getByTestId("qr-label").first().getByText("Dầu phộng nguyên chất Dafusa · Chai 1 lít").waitFor()
  await page.fill("#count", "30")
  await page.locator(".qr-page").nth(1).waitFor()
  expect([await page.locator(".qr-page").count(), await page.getByTestId("qr-label").count()]).toEqual([2, 30])
  await shot("labels")
  // On paper: A4 pages of 3 × 8 labels, nothing of the panel around them.
  await page.emulateMedia({ media: "print" })
  const printed = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector("header")!).display,
    nav: getComputedStyle(document.querySelector("nav")!).display,
    controls: getComputedStyle(document.querySelector(".no-print")!).display,
    width: Math.round(document.querySelector<HTMLElement>(".qr-page")!.getBoundingClientRect().width),
    columns: getComputedStyle(document.querySelector(".qr-page")!).gridTemplateColumns.split(" ").length,
  }))
  expect(printed).toEqual({ header: "none", nav: "none", controls: "none", width: 794, columns: 3 })
  await page.emulateMedia({ media: "screen" })
  step("labels", t)

  // 4. A VietGAP certificate with its scan: the 2-year rule is the server's, shown next to the field.
  t = Date.now()
  const scan = path.join(ctx.shots, "..", "panel-vietgap-scan.pdf")
  fs.writeFileSync(scan, SCAN_PDF)
  await page.getByTestId("nav-certificates").click()
  await page.getByRole("heading", { name: "Chứng nhận & OCOP" }).waitFor()
  await page.getByTestId("new-certificate").click()
  await page.getByRole("heading", { name: "Nộp chứng nhận" }).waitFor()
  const code = `VietGAP-TT-${stamp}`
  await page.fill("#code", code)
  await page.fill("#issuing_body", "Trung tâm Chứng nhận Phù hợp QUACERT")
  await page.fill("#issued_on", vnDay(-30))
  await page.fill("#valid_until", vnDay(800))
  await page.getByTestId("certificate-product").getByText("Dầu phộng nguyên chất Dafusa").click()
  await page.fill("#production_site", "Xã Phú Vang, Huế")
  await page.fill("#area_hectares", "1,2")
  await page.getByTestId("evidence-input").setInputFiles(scan)
  await page.getByTestId("evidence-link").waitFor()
  await page.getByTestId("submit-certificate").click()
  await page.getByTestId("error-valid_until").getByText("Chứng nhận VietGAP có hiệu lực tối đa 2 năm kể từ ngày cấp.").waitFor()
  await shot("certificate-error")
  await page.fill("#valid_until", vnDay(600))
  await page.getByTestId("submit-certificate").click()
  await page.waitForURL(/\/cooperative\/certificates\/cert_/)
  const certificateId = page.url().split("/").pop()!
  await page.getByTestId("certification-state").getByText("Chờ duyệt").waitFor()
  const { data: submitted } = await api("GET", `/vendor/certificates/${certificateId}`, { token: vendorToken })
  expect(submitted.certificate).toMatchObject({ type: "vietgap", code, status: "submitted", area_hectares: 1.2, valid_until: vnDay(600) })
  expect(submitted.certificate.evidence.id).toMatch(/^evidence\//)
  step("certificate", t)

  // 5. The union turns it back with a reason; corrected and resent, then verified.
  t = Date.now()
  const reason = "Ảnh mờ, chụp lại trang có dấu đỏ"
  expect((await api("POST", `/admin/certificates/${certificateId}/reject`, { token: adminToken, body: { note: reason } })).status).toBe(200)
  await page.reload()
  await page.getByTestId("certification-state").getByText("Bị từ chối").waitFor()
  await page.getByTestId("union-reason").getByText(reason, { exact: false }).waitFor()
  await shot("certificate-rejected")
  await page.getByTestId("evidence-input").setInputFiles(scan)
  await page.getByTestId("evidence-name").getByText("panel-vietgap-scan.pdf").waitFor()
  await page.getByTestId("submit-certificate").click()
  await page.getByTestId("certification-state").getByText("Chờ duyệt").waitFor()
  const { data: resent } = await api("GET", `/vendor/certificates/${certificateId}`, { token: vendorToken })
  expect(resent.certificate.history.map((h: { to_status: string }) => h.to_status)).toEqual(["submitted", "rejected", "submitted"])
  expect(resent.certificate.evidence.id).not.toBe(submitted.certificate.evidence.id)
  expect((await api("POST", `/admin/certificates/${certificateId}/verify`, { token: adminToken, body: {} })).status).toBe(200)
  await page.reload()
  await page.getByTestId("certification-state").getByText("Đã xác nhận").waitFor()
  // Verified: nothing left to change, the form is read-only.
  expect(await page.getByTestId("submit-certificate").count()).toBe(0)
  await page.getByTestId("nav-certificates").click()
  await page.locator(`[data-testid="certificate-row"][data-code="${code}"]`).getByText("Đã xác nhận").waitFor()
  await shot("certificates")
  await page.getByTestId("tab-ratings").click()
  await page.getByText("Chưa có quyết định OCOP nào.").waitFor()
  step("review", t)

  // 6. An OCOP decision ten days short of its 36 months, verified by the union: the home page lists it as expiring.
  t = Date.now()
  const { data: mine } = await api("GET", "/vendor/products?limit=100", { token: vendorToken })
  const oilId = mine.products.find((p: { title: string }) => p.title === "Dầu phộng nguyên chất Dafusa").id
  const decided = new Date(`${vnDay(0)}T00:00:00Z`)
  decided.setUTCMonth(decided.getUTCMonth() - 36)
  decided.setUTCDate(decided.getUTCDate() + 10)
  const rated = await api("POST", "/vendor/ocop-ratings", {
    token: vendorToken,
    body: {
      product_id: oilId, stars: 4, product_group: "food", decision_number: `${stamp}/QĐ-UBND`, issuing_authority: "UBND thành phố Huế",
      decision_date: decided.toISOString().slice(0, 10), evidence_file_id: resent.certificate.evidence.id,
    },
  })
  expect(rated.status).toBe(201)
  expect((await api("POST", `/admin/ocop-ratings/${rated.data.ocop_rating.id}/verify`, { token: adminToken, body: {} })).status).toBe(200)
  await page.getByTestId("nav-home").click()
  await page.getByTestId("home-expiring").getByTestId("expiring-item").getByText("OCOP 4★ · Dầu phộng nguyên chất Dafusa").waitFor()
  await shot("home-expiring")
  step("expiring", t)

  expect(errors).toEqual([])
  await page.close()
  elapsed.panel_trace = Date.now() - started
}
