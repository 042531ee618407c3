import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import {
  adminToken,
  bearer,
  call,
  createCooperative,
  demoVendorToken,
  login,
  registerVendor,
  seedMarketplace,
  validCooperative,
} from "../helpers"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string

    beforeAll(async () => {
      await seedMarketplace(getContainer())
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    describe("a cooperative signs up", () => {
      it("registers, creates its pending cooperative with its owner in one step, and signs in to see it", async () => {
        const registration = await registerVendor(api, "giamdoc@rausach.vn")
        const created = await call(api.post("/vendor/cooperatives", validCooperative({
          bank_account: { bin: "970436", account_number: "0123456789", account_holder: "HTX RAU SACH LONG HO" },
        }), bearer(registration)))
        expect(created.status).toBe(201)
        expect(created.data.cooperative).toMatchObject({
          handle: "htx-rau-sach-long-ho",
          status: "pending",
          province: "Vĩnh Long",
          tax_code: "3301000016",
          bank_account: { bin: "970436", account_number: "0123456789" },
        })
        expect(created.data.user).toMatchObject({ email: "giamdoc@rausach.vn", role: "owner" })

        // The registration token carries no cooperative user yet; a fresh sign-in does.
        expect((await call(api.get("/vendor/me", bearer(registration)))).status).toBe(403)
        const token = await login(api, "vendor", "giamdoc@rausach.vn", "mat-khau-1")
        const me = await call(api.get("/vendor/me", bearer(token)))
        expect(me.status).toBe(200)
        expect(me.data.user.role).toBe("owner")
        expect(me.data.cooperative.id).toBe(created.data.cooperative.id)

        // One sign-in, one cooperative.
        const again = await call(api.post("/vendor/cooperatives", validCooperative({ tax_code: "8601999990" }), bearer(token)))
        expect(again.status).toBe(409)
        expect(again.data.code).toBe("already_member")
      })

      it("answers 400 with the path of every bad field, and writes nothing", async () => {
        const registration = await registerVendor(api, "sai@rausach.vn")
        const res = await call(api.post("/vendor/cooperatives", {
          ...validCooperative({ tax_code: "0100109107", province: "Bến Tre", phone: "12345" }),
          bank_account: { bin: "97", account_number: "x", account_holder: "" },
          surprise: true,
        }, bearer(registration)))
        expect(res.status).toBe(400)
        expect(res.data.code).toBe("invalid_request")
        const paths = res.data.errors.map((e: any) => e.path)
        expect(paths).toEqual(expect.arrayContaining([
          "tax_code", "province", "phone", "bank_account.bin", "bank_account.account_number", "bank_account.account_holder", "body",
        ]))
        const missing = await call(api.post("/vendor/cooperatives", { name: "HTX" }, bearer(registration)))
        expect(missing.status).toBe(400)
        expect(missing.data.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["legal_name", "tax_code", "ward"]))
        const cooperatives = await getContainer().resolve(COOPERATIVE_MODULE).listCooperatives({ email: "lienhe@rausachlongho.vn" })
        expect(cooperatives).toHaveLength(0)
      })

      it("refuses a taken handle, tax code or email with 409 and leaves no half-made cooperative", async () => {
        const first = await registerVendor(api, "mot@htx.vn")
        expect((await call(api.post("/vendor/cooperatives", validCooperative(), bearer(first)))).status).toBe(201)

        const second = await registerVendor(api, "hai@htx.vn")
        const sameHandle = await call(api.post("/vendor/cooperatives", validCooperative({ tax_code: "8601543213" }), bearer(second)))
        // The handle derived from the same name is taken by the first registration.
        expect(sameHandle.status).toBe(409)
        expect(sameHandle.data.code).toBe("handle_taken")

        const sameTaxCode = await call(api.post("/vendor/cooperatives", validCooperative({ handle: "htx-khac", tax_code: "2601234567" }), bearer(second)))
        expect(sameTaxCode.status).toBe(409)
        expect(sameTaxCode.data.code).toBe("tax_code_taken")

        const service = getContainer().resolve(COOPERATIVE_MODULE)
        expect(await service.listCooperatives({ handle: "htx-khac" })).toHaveLength(0)
        expect(await service.listCooperativeUsers({ email: "hai@htx.vn" })).toHaveLength(0)
        // The failed attempt did not tie the sign-in to anything: it can still create a cooperative.
        const ok = await call(api.post("/vendor/cooperatives", validCooperative({ handle: "htx-khac", tax_code: "8601123459" }), bearer(second)))
        expect(ok.status).toBe(201)
      })
    })

    describe("union admins decide", () => {
      it("lists and filters cooperatives by status and province (typed without diacritics)", async () => {
        const pending = await call(api.get("/admin/cooperatives?status=pending", bearer(admin)))
        expect(pending.status).toBe(200)
        expect(pending.data.cooperatives.map((c: any) => c.handle)).toEqual(["htx-mat-ong-lang-ha"])
        const phuTho = await call(api.get("/admin/cooperatives?province=phu%20tho&status=approved", bearer(admin)))
        expect(phuTho.data.count).toBe(3)
        expect(phuTho.data.cooperatives.every((c: any) => c.province === "Phú Thọ")).toBe(true)
        const bad = await call(api.get("/admin/cooperatives?status=closed", bearer(admin)))
        expect(bad.status).toBe(400)
        expect(bad.data.errors[0].path).toBe("status")
        const vendor = await demoVendorToken(api, "dafusa-phu-da")
        expect((await call(api.get("/admin/cooperatives", bearer(vendor)))).status).toBe(401)
      })

      it("approval validates the transition, records who and why, and gives the cooperative a linked warehouse", async () => {
        const { cooperative } = await createCooperative(api, "chu@htx.vn")
        const approved = await call(api.post(`/admin/cooperatives/${cooperative.id}/approve`, { reason: "Đủ hồ sơ" }, bearer(admin)))
        expect(approved.status).toBe(200)
        expect(approved.data.cooperative.status).toBe("approved")

        const detail = await call(api.get(`/admin/cooperatives/${cooperative.id}`, bearer(admin)))
        expect(detail.data.cooperative.stock_location_id).toMatch(/^sloc_/)
        expect(detail.data.cooperative.status_history.map((h: any) => [h.from_status, h.to_status, h.reason, h.actor_type])).toEqual([
          [null, "pending", "Registered by its owner", "vendor"],
          ["pending", "approved", "Đủ hồ sơ", "user"],
        ])
        const location = await getContainer().resolve(Modules.STOCK_LOCATION).retrieveStockLocation(detail.data.cooperative.stock_location_id)
        expect(location.name).toContain("HTX Rau sạch Long Hồ")

        const twice = await call(api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin)))
        expect(twice.status).toBe(409)
        expect(twice.data.code).toBe("invalid_status_transition")
        const reject = await call(api.post(`/admin/cooperatives/${cooperative.id}/reject`, { reason: "late" }, bearer(admin)))
        expect(reject.status).toBe(409)

        const noReason = await call(api.post(`/admin/cooperatives/${cooperative.id}/suspend`, {}, bearer(admin)))
        expect(noReason.status).toBe(400)
        const suspended = await call(api.post(`/admin/cooperatives/${cooperative.id}/suspend`, { reason: "Vi phạm an toàn thực phẩm" }, bearer(admin)))
        expect(suspended.data.cooperative.status).toBe("suspended")
        const reinstated = await call(api.post(`/admin/cooperatives/${cooperative.id}/reinstate`, { reason: "Đã khắc phục" }, bearer(admin)))
        expect(reinstated.data.cooperative.status).toBe("approved")
        // Reinstating reuses the warehouse rather than making a second one.
        const after = await call(api.get(`/admin/cooperatives/${cooperative.id}`, bearer(admin)))
        expect(after.data.cooperative.stock_location_id).toBe(detail.data.cooperative.stock_location_id)

        const unknownAction = await call(api.post(`/admin/cooperatives/${cooperative.id}/close`, {}, bearer(admin)))
        expect(unknownAction.status).toBe(404)
        const unknownCoop = await call(api.post(`/admin/cooperatives/coop_nope/approve`, {}, bearer(admin)))
        expect(unknownCoop.status).toBe(404)
      })

      it("admins approving at the same moment: one succeeds, the others get 409, and there is one warehouse", async () => {
        const { cooperative } = await createCooperative(api, "cung-luc@htx.vn")
        const answers = await Promise.all(
          Array.from({ length: 6 }, () => call(api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin))))
        )
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409])
        const locations = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({})
        expect(locations.filter((l: any) => l.metadata?.cooperative_id === cooperative.id)).toHaveLength(1)
        const detail = await call(api.get(`/admin/cooperatives/${cooperative.id}`, bearer(admin)))
        expect(detail.data.cooperative.status_history.filter((h: any) => h.to_status === "approved")).toHaveLength(1)
      })

      it("a rejected cooperative stays rejected and gets no warehouse", async () => {
        const { cooperative } = await createCooperative(api, "bi-tu-choi@htx.vn")
        const rejected = await call(api.post(`/admin/cooperatives/${cooperative.id}/reject`, { reason: "Mã số thuế không khớp" }, bearer(admin)))
        expect(rejected.data.cooperative).toMatchObject({ status: "rejected", status_reason: "Mã số thuế không khớp" })
        const detail = await call(api.get(`/admin/cooperatives/${cooperative.id}`, bearer(admin)))
        expect(detail.data.cooperative.stock_location_id).toBeNull()
        expect((await call(api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin)))).status).toBe(409)
      })
    })

    describe("owners and staff", () => {
      it("an owner invites staff; the invite is accepted at registration; staff cannot touch the bank account or users", async () => {
        const owner = await demoVendorToken(api, "htx-che-thanh-nam")
        const invite = await call(api.post("/vendor/invites", { email: "NhanVien@ThanhNam.vn" }, bearer(owner)))
        expect(invite.status).toBe(201)
        expect(invite.data.invite).toMatchObject({ email: "nhanvien@thanhnam.vn", role: "staff" })

        const wrongPerson = await registerVendor(api, "nguoila@gmail.com")
        const mismatch = await call(api.post("/vendor/invites/accept", { token: invite.data.invite.token }, bearer(wrongPerson)))
        expect(mismatch.status).toBe(403)
        expect(mismatch.data.code).toBe("invite_email_mismatch")

        const registration = await registerVendor(api, "nhanvien@thanhnam.vn")
        const accepted = await call(api.post("/vendor/invites/accept", { token: invite.data.invite.token, first_name: "Lan" }, bearer(registration)))
        expect(accepted.status).toBe(201)
        const reused = await call(api.post("/vendor/invites/accept", { token: invite.data.invite.token }, bearer(wrongPerson)))
        expect({ status: reused.status, code: reused.data.code }).toEqual({ status: 409, code: "invite_used" })

        const staff = await login(api, "vendor", "nhanvien@thanhnam.vn", "mat-khau-1")
        const me = await call(api.get("/vendor/me", bearer(staff)))
        expect(me.data).toMatchObject({ user: { role: "staff", first_name: "Lan" }, cooperative: { handle: "htx-che-thanh-nam" } })

        const bank = { bin: "970418", account_number: "999999999", account_holder: "KE GIAN" }
        const staffBank = await call(api.post("/vendor/cooperative/bank-account", bank, bearer(staff)))
        expect(staffBank.status).toBe(403)
        expect(staffBank.data.code).toBe("owner_only")
        expect((await call(api.post("/vendor/invites", { email: "x@y.vn" }, bearer(staff)))).status).toBe(403)
        expect((await call(api.delete(`/vendor/users/${me.data.user.id}`, bearer(staff)))).status).toBe(403)

        // Staff may edit the public profile, not the legal identity.
        expect((await call(api.post("/vendor/cooperative", { description: "Chè sạch Thanh Sơn" }, bearer(staff)))).status).toBe(200)
        expect((await call(api.post("/vendor/cooperative", { tax_code: "0100109106" }, bearer(staff)))).status).toBe(400)

        const ownerBank = await call(api.post("/vendor/cooperative/bank-account", { ...bank, account_holder: "HTX CHE THANH NAM" }, bearer(owner)))
        expect(ownerBank.status).toBe(200)
        expect(ownerBank.data.cooperative.bank_account.account_number).toBe("999999999")

        const users = await call(api.get("/vendor/users", bearer(owner)))
        expect(users.data.users.map((u: any) => u.role).sort()).toEqual(["owner", "staff"])
        const removed = await call(api.delete(`/vendor/users/${me.data.user.id}`, bearer(owner)))
        expect(removed.status).toBe(200)
        const gone = await call(api.get("/vendor/me", bearer(await login(api, "vendor", "nhanvien@thanhnam.vn", "mat-khau-1"))))
        expect(gone.status).toBe(403)
      })

      it("two owners removing each other at once: one removal lands, the other is refused, and the cooperative keeps an owner", async () => {
        const first = await demoVendorToken(api, "htx-dat-to-seed")
        const invite = await call(api.post("/vendor/invites", { email: "phochunhiem@dattoseed.vn", role: "owner" }, bearer(first)))
        expect(invite.data.invite).toMatchObject({ role: "owner", status: "pending" })
        const registration = await registerVendor(api, "phochunhiem@dattoseed.vn")
        expect((await call(api.post("/vendor/invites/accept", { token: invite.data.invite.token }, bearer(registration)))).status).toBe(201)
        const second = await login(api, "vendor", "phochunhiem@dattoseed.vn", "mat-khau-1")
        const idOf = async (token: string) => (await call(api.get("/vendor/me", bearer(token)))).data.user.id
        const [firstId, secondId] = [await idOf(first), await idOf(second)]

        const [a, b] = await Promise.all([
          call(api.delete(`/vendor/users/${secondId}`, bearer(first))),
          call(api.delete(`/vendor/users/${firstId}`, bearer(second))),
        ])
        expect([a.status, b.status].sort()).toEqual([200, 403])
        const survivor = a.status === 200 ? first : second
        const { data } = await call(api.get("/vendor/users", bearer(survivor)))
        expect(data.users.filter((u: any) => u.role === "owner").map((u: any) => u.id)).toEqual([a.status === 200 ? firstId : secondId])
      })

      it("refuses an invite for an email that already has a cooperative account", async () => {
        const owner = await demoVendorToken(api, "htx-che-thanh-nam")
        const res = await call(api.post("/vendor/invites", { email: "dafusa@coopstall.vn" }, bearer(owner)))
        expect(res.status).toBe(409)
        expect(res.data.code).toBe("email_taken")
      })
    })
  },
})
