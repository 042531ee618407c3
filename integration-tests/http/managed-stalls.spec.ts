import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createHmac } from "node:crypto"
import { adminToken, Api, bearer, call, demoVendorToken, login, registerVendor, seedMarketplace } from "../helpers"

jest.setTimeout(600_000)

const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString())
/** An HS256 token with whatever claims, signed with a secret that is not the server's. */
function forgeJwt(claims: object) {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url")
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`
  return `${unsigned}.${createHmac("sha256", "not-the-secret").update(unsigned).digest("base64url")}`
}

const tea = (title: string) => ({ title, status: "draft", variants: [{ title: "Hộp 200g", price: 120000 }] })

/** A union admin's acting token for a cooperative: the one-time code, exchanged once, as the panel does. */
async function actAs(api: Api, admin: string, cooperativeId: string) {
  const opened = await call(api.post(`/admin/cooperatives/${cooperativeId}/act-as`, {}, bearer(admin)))
  expect(opened.status).toBe(200)
  expect(opened.data.panel_url).toBe(`/cooperative/#union-handoff=${opened.data.code}`)
  const exchanged = await call(api.post("/auth/union-handoff", { code: opened.data.code }))
  expect(exchanged.status).toBe(200)
  return exchanged.data.token as string
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string
    let owner: string
    let staff: string
    let dafusa: { id: string }
    let thanhNam: { id: string }
    let adminUser: { id: string; email: string }
    let staffUser: { id: string; email: string }

    // The test runner restores the database to its state after beforeAll before every test: each
    // test that needs a managed stall takes it on itself.
    const manage = async () => expect((await call(api.post(`/admin/cooperatives/${dafusa.id}/manage`, {}, bearer(admin)))).status).toBe(200)
    const activityOf = async (token: string, query = "") => call(api.get(`/vendor/activity${query}`, bearer(token)))

    beforeAll(async () => {
      await seedMarketplace(getContainer())
      admin = await adminToken(api)
      adminUser = (await api.get("/admin/users/me", bearer(admin))).data.user
      owner = await demoVendorToken(api, "dafusa-phu-da")
      dafusa = (await api.get("/vendor/me", bearer(owner))).data.cooperative
      thanhNam = (await api.get("/vendor/me", bearer(await demoVendorToken(api, "htx-che-thanh-nam")))).data.cooperative

      const invite = await api.post("/vendor/invites", { email: "nhanvien@dafusa.vn" }, bearer(owner))
      const registration = await registerVendor(api, "nhanvien@dafusa.vn")
      await api.post("/vendor/invites/accept", { token: invite.data.invite.token }, bearer(registration))
      staff = await login(api, "vendor", "nhanvien@dafusa.vn", "mat-khau-1")
      staffUser = (await api.get("/vendor/me", bearer(staff))).data.user
    })

    it("an admin cannot act for a cooperative the union does not manage", async () => {
      const refused = await call(api.post(`/admin/cooperatives/${dafusa.id}/act-as`, {}, bearer(admin)))
      expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 409, code: "not_managed_by_union" })
      const unknown = await call(api.post(`/admin/cooperatives/coop_01UNKNOWN/act-as`, {}, bearer(admin)))
      expect(unknown.status).toBe(404)
      const garbage = await call(api.post(`/admin/cooperatives/${dafusa.id}/manage`, { managed: "yes" }, bearer(admin)))
      expect({ status: garbage.status, code: garbage.data.code }).toEqual({ status: 400, code: "invalid_request" })
    })

    it("a cooperative user cannot call the union's routes", async () => {
      for (const token of [owner, staff]) {
        for (const verb of ["manage", "unmanage", "act-as"]) {
          expect((await call(api.post(`/admin/cooperatives/${dafusa.id}/${verb}`, {}, bearer(token)))).status).toBe(401)
        }
        expect((await call(api.get(`/admin/cooperatives/${dafusa.id}/activity`, bearer(token)))).status).toBe(401)
      }
    })

    it("marking a stall managed tells its owner, once, even when two admins click at once", async () => {
      const [a, b] = await Promise.all([
        call(api.post(`/admin/cooperatives/${dafusa.id}/manage`, {}, bearer(admin))),
        call(api.post(`/admin/cooperatives/${dafusa.id}/manage`, {}, bearer(admin))),
      ])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      const won = a.status === 200 ? a : b
      expect(won.data.cooperative).toMatchObject({ id: dafusa.id, managed_by_union: true })
      expect([a, b].find((r) => r.status === 409)!.data.code).toBe("already_managed")

      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      let sent: any[] = []
      for (let i = 0; i < 50 && !sent.length; i++) {
        sent = await notifications.listNotifications({ template: "cooperative-union-management", resource_id: dafusa.id } as any)
        if (!sent.length) await new Promise((r) => setTimeout(r, 100))
      }
      // Its owners, each once; not its staff.
      const to = sent.map((n) => n.to)
      expect(to).toContain("dafusa@coopstall.vn")
      expect(to).not.toContain("nhanvien@dafusa.vn")
      expect(new Set(to).size).toBe(to.length)
      expect(sent[0].data).toMatchObject({ managed: true })
    })

    it("a one-time code opens the panel once: a second exchange, even at the same moment, is refused", async () => {
      await manage()
      const opened = await call(api.post(`/admin/cooperatives/${dafusa.id}/act-as`, {}, bearer(admin)))
      const [x, y] = await Promise.all([
        call(api.post("/auth/union-handoff", { code: opened.data.code })),
        call(api.post("/auth/union-handoff", { code: opened.data.code })),
      ])
      expect([x.status, y.status].sort()).toEqual([200, 401])
      expect([x, y].find((r) => r.status === 401)!.data.code).toBe("invalid_handoff_code")
      const again = await call(api.post("/auth/union-handoff", { code: opened.data.code }))
      expect(again.status).toBe(401)
      const garbage = await call(api.post("/auth/union-handoff", { code: "../../etc/passwd" }))
      expect({ status: garbage.status, code: garbage.data.code }).toEqual({ status: 400, code: "invalid_request" })
      expect((await call(api.post("/auth/union-handoff", {}))).status).toBe(400)
    })

    it("the acting token works for that one cooperative: its panel, as staff would, and nothing of another cooperative", async () => {
      await manage()
      const acting = await actAs(api, admin, dafusa.id)
      const claims = decodeJwt(acting)
      expect(claims).toMatchObject({ actor_type: "vendor", actor_id: adminUser.id, union_acting: { cooperative_id: dafusa.id, admin_user_id: adminUser.id } })
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(2 * 60 * 60)

      const me = await call(api.get("/vendor/me", bearer(acting)))
      expect(me.status).toBe(200)
      expect(me.data).toMatchObject({
        cooperative: { id: dafusa.id, managed_by_union: true },
        user: { id: adminUser.id, role: "union_admin" },
        acting: { admin_user_id: adminUser.id, admin_email: adminUser.email },
      })

      // The other cooperative's records answer as unknown ones do.
      const theirs = (await api.get("/vendor/products?limit=1", bearer(await demoVendorToken(api, "htx-che-thanh-nam")))).data.products[0]
      expect((await call(api.get(`/vendor/products/${theirs.id}`, bearer(acting)))).status).toBe(404)
      expect((await call(api.post(`/vendor/products/${theirs.id}`, { title: "Bị chiếm" }, bearer(acting)))).status).toBe(404)
      const list = await call(api.get("/vendor/products?limit=100", bearer(acting)))
      expect(list.data.products.map((p: any) => p.id)).not.toContain(theirs.id)

      // Not the owner: the bank account, staff and invites stay the owner's; no cooperative to create or join.
      const bank = await call(api.post("/vendor/cooperative/bank-account", { bin: "970418", account_number: "999999999", account_holder: "KE GIAN" }, bearer(acting)))
      expect({ status: bank.status, code: bank.data.code }).toEqual({ status: 403, code: "owner_only" })
      expect((await call(api.post("/vendor/invites", { email: "ai-do@htx.vn" }, bearer(acting)))).status).toBe(403)
      expect((await call(api.delete(`/vendor/users/${staffUser.id}`, bearer(acting)))).status).toBe(403)
      const join = await call(api.post("/vendor/cooperatives", {}, bearer(acting)))
      expect({ status: join.status, code: join.data.code }).toEqual({ status: 403, code: "union_acting_forbids" })

      // Not an admin token, nor refreshable into another one.
      expect((await call(api.get("/admin/cooperatives", bearer(acting)))).status).toBe(401)
      expect((await call(api.post("/auth/token/refresh", {}, bearer(acting)))).status).toBe(401)

      // A token naming another cooperative, signed with another secret, is nobody's.
      const forged = forgeJwt({ ...claims, union_acting: { ...claims.union_acting, cooperative_id: thanhNam.id } })
      expect((await call(api.get("/vendor/me", bearer(forged)))).status).toBe(401)
    })

    it("every write records who did it: the admin for the admin's, the staff member for theirs, shown on the record", async () => {
      await manage()
      const acting = await actAs(api, admin, dafusa.id)
      const byAdmin = await call(api.post("/vendor/products", tea("Dầu lạc Phú Đa (Liên minh nhập)"), bearer(acting)))
      expect(byAdmin.status).toBe(201)
      const productId = byAdmin.data.product.id
      const byStaff = await call(api.post(`/vendor/products/${productId}`, { description: "Ép lạnh" }, bearer(staff)))
      expect(byStaff.status).toBe(200)
      // A refused write records nothing.
      expect((await call(api.post(`/vendor/products/${productId}`, { price: "free" }, bearer(staff)))).status).toBe(400)

      const history = await activityOf(staff, `?record_id=${productId}`)
      expect(history.status).toBe(200)
      expect(history.data.activity.map((a: any) => [a.actor_type, a.actor_id, a.actor_email, a.action])).toEqual([
        ["cooperative_user", staffUser.id, staffUser.email, "POST /vendor/products/:id"],
        ["union_admin", adminUser.id, adminUser.email, "POST /vendor/products"],
      ])
      expect(history.data.activity[1]).toMatchObject({ record_type: "product", record_id: productId })

      // Twice at once: each write that went through has its row, named for whoever made it.
      const both = await Promise.all([
        call(api.post(`/vendor/products/${productId}`, { description: "Một" }, bearer(acting))),
        call(api.post(`/vendor/products/${productId}`, { description: "Hai" }, bearer(staff))),
      ])
      for (const r of both) expect([200, 409]).toContain(r.status)
      const after = await activityOf(owner, `?record_id=${productId}`)
      expect(after.data.count).toBe(2 + both.filter((r) => r.status === 200).length)

      // The owner's list, filtered by who.
      const unionOnly = await activityOf(owner, "?actor_type=union_admin&limit=100")
      expect(unionOnly.data.activity.length).toBeGreaterThanOrEqual(1)
      expect(unionOnly.data.activity.every((a: any) => a.actor_type === "union_admin" && a.actor_id === adminUser.id)).toBe(true)
      // The union's own view of the stall, from Medusa Admin.
      const adminView = await call(api.get(`/admin/cooperatives/${dafusa.id}/activity?limit=5`, bearer(admin)))
      expect(adminView.data.activity[0].record_id).toBe(productId)
      // Another cooperative's list holds none of it.
      const theirs = await activityOf(await demoVendorToken(api, "htx-che-thanh-nam"), "?limit=100")
      expect(theirs.data.activity.map((a: any) => a.record_id)).not.toContain(productId)
    })

    it("the activity list is the owner's (and the union's acting): staff read only a record's history", async () => {
      await manage()
      const refused = await activityOf(staff)
      expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 403, code: "owner_only" })
      expect((await activityOf(owner)).status).toBe(200)
      expect((await activityOf(await actAs(api, admin, dafusa.id))).status).toBe(200)
      for (const q of ["?limit=0", "?limit=abc", "?record_id=%27%3B--", "?actor_type=god", "?nope=1"]) {
        const bad = await activityOf(owner, q)
        expect({ q, status: bad.status, code: bad.data.code }).toEqual({ q, status: 400, code: "invalid_request" })
      }
      expect((await call(api.post("/vendor/activity", {}, bearer(owner)))).status).toBe(405)
      expect((await call(api.delete("/vendor/activity", bearer(owner)))).status).toBe(405)
    })

    it("unmanaging ends every acting token at once, and managing again does not revive them", async () => {
      await manage()
      const acting = await actAs(api, admin, dafusa.id)
      const opened = await call(api.post(`/admin/cooperatives/${dafusa.id}/act-as`, {}, bearer(admin)))
      expect((await call(api.get("/vendor/me", bearer(acting)))).status).toBe(200)

      const unmanaged = await call(api.post(`/admin/cooperatives/${dafusa.id}/unmanage`, {}, bearer(admin)))
      expect(unmanaged.data.cooperative).toMatchObject({ managed_by_union: false, managed_since: null })
      const gone = await call(api.get("/vendor/me", bearer(acting)))
      expect({ status: gone.status, code: gone.data.code }).toEqual({ status: 401, code: "union_acting_revoked" })
      expect((await call(api.post("/vendor/products", tea("Sau khi trả lại"), bearer(acting)))).status).toBe(401)
      // A code handed out before cannot open it either.
      expect((await call(api.post("/auth/union-handoff", { code: opened.data.code }))).status).toBe(401)
      expect((await call(api.post(`/admin/cooperatives/${dafusa.id}/act-as`, {}, bearer(admin)))).status).toBe(409)
      expect((await call(api.post(`/admin/cooperatives/${dafusa.id}/unmanage`, {}, bearer(admin)))).data.code).toBe("not_managed_by_union")

      await api.post(`/admin/cooperatives/${dafusa.id}/manage`, {}, bearer(admin))
      expect((await call(api.get("/vendor/me", bearer(acting)))).status).toBe(401)
      expect((await call(api.get("/vendor/me", bearer(await actAs(api, admin, dafusa.id))))).status).toBe(200)
      // The cooperative's own staff never noticed.
      expect((await call(api.get("/vendor/me", bearer(staff)))).data).toMatchObject({ user: { role: "staff" }, acting: null })
    })
  },
})
