import fs from "node:fs"
import path from "node:path"
import type { BrowserContext, Page } from "playwright-core"
import logins from "../../src/scripts/demo-logins.json"

// Issue 15.4 in Chromium: a union admin takes on HTX Chè Thanh Nam's stall from Medusa Admin, opens
// its panel (the one-time code goes in the fragment, the panel swaps it for its own token), edits a
// product under the union's banner; the owner then signs in and finds the edit under the admin's name
// in the activity list; handing the stall back ends the admin's panel session.

export type ManagedWalkContext = {
  base: string
  browser: BrowserContext
  /** Medusa Admin, signed in. */
  adminPage: Page
  shots: string
  adminToken: string
  api: (method: string, url: string, opts?: { token?: string; body?: unknown }) => Promise<{ status: number; data: any }>
  log: (msg: string) => void
  elapsed: Record<string, number>
}

const PHONE = { width: 390, height: 844 }

export async function panelManagedWalk(ctx: ManagedWalkContext) {
  const { base, adminPage, api, adminToken, log, elapsed } = ctx
  const started = Date.now()
  const owner = logins.cooperatives.find((c) => c.handle === "htx-che-thanh-nam")!
  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(ctx.shots, { recursive: true })
    await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]') && !document.body.innerText.includes("…"))
    await page.addStyleTag({ content: "[data-sonner-toaster] { display: none !important }" })
    await page.screenshot({ path: path.join(ctx.shots, `panel-${name}.png`) })
  }

  // 1. Medusa Admin: the union takes the stall on.
  await adminPage.goto(`${base}/app/cooperatives`)
  await adminPage.getByRole("heading", { name: "Hợp tác xã" }).waitFor()
  await adminPage.getByTestId("filter-status").click()
  await adminPage.getByRole("option", { name: "Đã duyệt" }).click()
  await adminPage.getByTestId(`cooperative-${owner.handle}`).getByRole("button", { name: "Xem" }).click()
  const block = adminPage.getByTestId("cooperative-detail").getByTestId("union-management")
  await block.getByTestId("manage").click()
  await adminPage.locator('[data-testid="union-management"][data-managed="true"]').waitFor()
  const { data: listed } = await api("GET", `/admin/cooperatives?q=${owner.handle}`, { token: adminToken })
  const coopId = listed.cooperatives[0].id as string
  expect(listed.cooperatives[0]).toMatchObject({ handle: owner.handle, managed_by_union: true })

  // 2. …and opens its panel: a new tab, the code gone from the address bar, the union's banner.
  const [panel] = await Promise.all([ctx.browser.waitForEvent("page"), block.getByTestId("open-panel").click()])
  panel.setDefaultTimeout(30_000)
  await panel.setViewportSize(PHONE)
  await panel.getByTestId("union-banner").getByText("Liên minh đang quản lý gian hàng này").waitFor()
  expect(panel.url()).not.toContain("union-handoff")
  expect(await panel.getByTestId("cooperative-name").textContent()).toBe(owner.name)
  const actingToken = await panel.evaluate(() => window.localStorage.getItem("medusa_auth_token"))
  expect(actingToken).toBeTruthy()

  // 3. Works in it as staff would: a product's description.
  await panel.getByTestId("nav-products").click()
  await panel.locator('a[href^="/cooperative/products/prod_"]').first().click()
  await panel.waitForURL(/\/cooperative\/products\/prod_/)
  const productId = panel.url().split("/").pop()!
  await panel.fill("#description", "Chè búp Thanh Nam, Liên minh cập nhật mô tả giúp hợp tác xã.")
  await panel.getByTestId("save-product").click()
  await panel.getByText("Đã lưu.").first().waitFor()
  await panel.reload()
  await panel.getByTestId("record-activity").getByText(`Liên minh · ${logins.admin.email}`).first().waitFor()
  await shot(panel, "managed")

  // 4. The owner signs in (same browser, the admin's token gone) and reads who did it. The token is
  // dropped directly: the top bar's sign-out clears the query cache under the session's observers and
  // the page stayed put (run of 1 December, 19:46; to look at separately).
  await panel.evaluate(() => window.localStorage.removeItem("medusa_auth_token"))
  await panel.goto(`${base}/cooperative/sign-in`)
  await panel.getByTestId("sign-in-submit").waitFor()
  await panel.fill("#email", owner.email)
  await panel.fill("#password", owner.password)
  await panel.getByTestId("sign-in-submit").click()
  await panel.getByTestId("nav-activity").click()
  await panel.waitForURL(/\/cooperative\/activity$/)
  const first = panel.getByTestId("activity-row").first()
  await first.getByTestId("activity-actor").getByText(`Liên minh · ${logins.admin.email}`).waitFor()
  expect(await panel.getByTestId("union-banner").count()).toBe(0)
  await shot(panel, "activity")
  const { data: activity } = await api("GET", `/admin/cooperatives/${coopId}/activity?limit=5`, { token: adminToken })
  expect(activity.activity.find((a: any) => a.record_id === productId)).toMatchObject({ actor_type: "union_admin", actor_email: logins.admin.email })

  // 5. The union hands the stall back: the admin's panel token is refused from then on.
  await block.getByTestId("unmanage").click()
  await adminPage.locator('[data-testid="union-management"][data-managed="false"]').waitFor()
  expect((await api("GET", "/vendor/me", { token: actingToken! })).status).toBe(401)
  await panel.close()

  elapsed.panel_managed = Date.now() - started
  log(`panel: union-managed stall walk ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
