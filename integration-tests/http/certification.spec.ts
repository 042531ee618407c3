import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { addDaysToDay, addMonthsToDay, vnDay } from "../../src/lib/dates"
import { CERTIFICATION_MODULE } from "../../src/modules/certification"
import { expireCertificationsWorkflow } from "../../src/workflows/certification/expire-certifications"
import { adminToken, Api, bearer, call, createCooperative, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n")
const today = () => vnDay(new Date())
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function upload(api: Api, token: string, file = PDF, type = "application/pdf", name = "quyet-dinh.pdf") {
  const form = new FormData()
  form.append("files", new Blob([file], { type }), name)
  return call(api.post("/vendor/uploads", form, bearer(token)))
}

const rating = (productId: string, evidence: string, overrides: Record<string, unknown> = {}) => ({
  product_id: productId,
  stars: 4,
  product_group: "drinks",
  decision_number: "1502/QĐ-UBND",
  issuing_authority: "UBND tỉnh Vĩnh Long",
  decision_date: addMonthsToDay(today(), -6),
  evidence_file_id: evidence,
  ...overrides,
})

const vietgap = (productIds: string[], evidence: string, overrides: Record<string, unknown> = {}) => {
  const issued = addMonthsToDay(today(), -3)
  return {
    type: "vietgap",
    code: "VietGAP-TT-13-09-86-0042",
    issuing_body: "Công ty Chứng nhận Nông nghiệp Xanh",
    production_site: "Ấp Phước Định, 4 hộ",
    area_hectares: 2.5,
    yearly_output_kg: 18000,
    issued_on: issued,
    valid_until: addDaysToDay(addMonthsToDay(issued, 24), -1),
    product_ids: productIds,
    evidence_file_id: evidence,
    ...overrides,
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string
    let store: { headers: Record<string, string> }

    beforeAll(async () => {
      const { publishableKey } = await seedMarketplace(getContainer())
      store = storeHeaders(publishableKey)
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    /** An approved cooperative with two published products and an uploaded evidence file. */
    async function stall(email: string, overrides: Record<string, unknown> = {}) {
      const { token, cooperative } = await createCooperative(api, email, overrides)
      await call(api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin)))
      const products: any[] = []
      for (const title of ["Trà xanh Long Hồ", "Trà sen Long Hồ"]) {
        const created = await call(api.post("/vendor/products", { title, variants: [{ title: "Hộp 200g", price: 120000 }] }, bearer(token)))
        await call(api.post(`/admin/products/${created.data.product.id}/publish`, {}, bearer(admin)))
        products.push(created.data.product)
      }
      const evidence = (await upload(api, token)).data.files[0].id
      return { token, cooperative, products, evidence }
    }

    const storeProduct = async (id: string) => (await call(api.get(`/store/products/${id}`, store))).data.product
    const storeIds = async (query: string) =>
      (await call(api.get(`/store/products?limit=100&fields=id&${query}`, store))).data.products.map((p: any) => p.id)
    const submitRating = (token: string, body: any) => call(api.post("/vendor/ocop-ratings", body, bearer(token)))
    const decide = (kind: "ocop-ratings" | "certificates", id: string, action: string, body: any = {}) =>
      call(api.post(`/admin/${kind}/${id}/${action}`, body, bearer(admin)))

    describe("OCOP ratings", () => {
      it("a cooperative submits a 4★ decision, the union verifies it, and shoppers see it with its expiry", async () => {
        const { token, cooperative, products, evidence } = await stall("chu@longho.vn")
        const submitted = await submitRating(token, rating(products[0].id, evidence))
        expect(submitted.status).toBe(201)
        const decisionDate = addMonthsToDay(today(), -6)
        expect(submitted.data.ocop_rating).toMatchObject({
          status: "submitted",
          in_force: false,
          stars: 4,
          decision_date: decisionDate,
          // valid 36 months from the decision date: through the day before the same date 3 years later
          valid_until: addDaysToDay(addMonthsToDay(decisionDate, 36), -1),
          evidence: { id: evidence, url: expect.stringContaining("/static/evidence/") },
        })
        expect((await storeProduct(products[0].id)).ocop_rating).toBeNull()

        const queue = await call(api.get(`/admin/ocop-ratings?status=submitted&province=vinh long&stars=4`, bearer(admin)))
        const queued = queue.data.ocop_ratings.find((r: any) => r.id === submitted.data.ocop_rating.id)
        expect(queued).toMatchObject({ product: { title: "Trà xanh Long Hồ" }, cooperative: { id: cooperative.id, province: "Vĩnh Long" } })
        expect((await call(api.get(`/admin/ocop-ratings?status=submitted&province=Huế`, bearer(admin)))).data.ocop_ratings.map((r: any) => r.id))
          .not.toContain(submitted.data.ocop_rating.id)

        const verified = await decide("ocop-ratings", submitted.data.ocop_rating.id, "verify", { note: "Khớp quyết định gốc" })
        expect(verified.data.ocop_rating).toMatchObject({ status: "verified", in_force: true, review_note: "Khớp quyết định gốc" })
        expect(verified.data.ocop_rating.history.map((h: any) => h.to_status)).toEqual(["submitted", "verified"])

        const shown = await storeProduct(products[0].id)
        expect(shown.ocop_rating).toEqual({
          id: submitted.data.ocop_rating.id,
          stars: 4,
          product_group: "drinks",
          decision_number: "1502/QĐ-UBND",
          issuing_authority: "UBND tỉnh Vĩnh Long",
          decision_date: decisionDate,
          valid_until: addDaysToDay(addMonthsToDay(decisionDate, 36), -1),
          expires_at: expect.any(String),
        })
        expect(shown.ocop_rating).not.toHaveProperty("evidence")
        expect(await storeIds("ocop_min_stars=4")).toContain(products[0].id)
        expect(await storeIds("ocop_min_stars=4")).not.toContain(products[1].id)
        expect(await storeIds("ocop_min_stars=5")).not.toContain(products[0].id)
        // Thanh Nam's demo teas are 3★: they pass 3 and not 4.
        const threeStar = await storeIds("ocop_min_stars=3")
        expect(threeStar.length).toBeGreaterThanOrEqual(3)

        const stallPage = await call(api.get(`/store/cooperatives/${cooperative.handle}`, store))
        expect(stallPage.data.cooperative).toMatchObject({ ocop_product_count: 1, best_ocop_stars: 4 })
        expect(stallPage.data.products.find((p: any) => p.id === products[0].id).ocop_rating.stars).toBe(4)

        const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: "chu@longho.vn", template: "ocop_rating-verified" })
        expect(notifications).toHaveLength(1)
      })

      it("refuses 1★ and 2★, unknown groups, future and expired decisions, and another cooperative's evidence or product", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const other = await stall("chu@phuocdinh.vn", { tax_code: "0100109106", handle: "htx-phuoc-dinh", name: "HTX Phước Định" })
        for (const stars of [1, 2, 6, 3.5]) {
          const res = await submitRating(token, rating(products[0].id, evidence, { stars }))
          expect({ stars, status: res.status, code: res.data.code, path: res.data.errors?.[0]?.path }).toEqual({
            stars, status: 400, code: "invalid_request", path: "stars",
          })
        }
        expect((await submitRating(token, rating(products[0].id, evidence, { stars: 2 }))).data.message).toMatch(/only 3, 4 or 5 stars/)
        expect((await submitRating(token, rating(products[0].id, evidence, { product_group: "cars" }))).status).toBe(400)
        expect((await submitRating(token, rating(products[0].id, evidence, { decision_date: "2025-02-30" }))).status).toBe(400)
        const future = await submitRating(token, rating(products[0].id, evidence, { decision_date: addDaysToDay(today(), 1) }))
        expect([future.status, future.data.code]).toEqual([400, "decision_in_future"])
        const foreignEvidence = await submitRating(token, rating(products[0].id, other.evidence))
        expect([foreignEvidence.status, foreignEvidence.data.code]).toEqual([400, "evidence_not_found"])
        const foreignProduct = await submitRating(token, rating(other.products[0].id, evidence))
        expect([foreignProduct.status, foreignProduct.data.code]).toEqual([400, "unknown_product"])
        expect((await call(api.get("/vendor/ocop-ratings", bearer(token)))).data.count).toBe(0)

        const first = await submitRating(token, rating(products[0].id, evidence))
        const second = await submitRating(token, rating(products[0].id, evidence))
        expect([first.status, second.status, second.data.code]).toEqual([201, 409, "rating_under_review"])
      })

      it("on the boundary day: a decision exactly 36 months old has expired, one a day younger is shown through today", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const expired = await submitRating(token, rating(products[0].id, evidence, { decision_date: addMonthsToDay(today(), -36) }))
        expect([expired.status, expired.data.code]).toEqual([400, "decision_expired"])

        const lastDay = await submitRating(token, rating(products[0].id, evidence, { decision_date: addDaysToDay(addMonthsToDay(today(), -36), 1) }))
        expect(lastDay.status).toBe(201)
        expect(lastDay.data.ocop_rating.valid_until).toBe(today())
        await decide("ocop-ratings", lastDay.data.ocop_rating.id, "verify")
        expect((await storeProduct(products[0].id)).ocop_rating).toMatchObject({ valid_until: today() })
      })

      it("an expired rating disappears at its expiry instant before any job runs; the daily job then marks it and reminds 30 days ahead", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const certification: any = getContainer().resolve(CERTIFICATION_MODULE)
        const soon = (await submitRating(token, rating(products[0].id, evidence))).data.ocop_rating
        const later = (await submitRating(token, rating(products[1].id, evidence, { decision_number: "77/QĐ-UBND" }))).data.ocop_rating
        await decide("ocop-ratings", soon.id, "verify")
        await decide("ocop-ratings", later.id, "verify")
        // Time passes: one rating reaches its expiry in a few seconds, the other in 10 days.
        const expiry = Date.now() + 6000
        await certification.updateOcopRatings([
          { id: soon.id, expires_at: new Date(expiry) },
          { id: later.id, expires_at: new Date(Date.now() + 10 * 86_400_000) },
        ])
        expect((await storeProduct(products[0].id)).ocop_rating?.id).toBe(soon.id)
        await sleep(expiry - Date.now() + 100)
        expect((await storeProduct(products[0].id)).ocop_rating).toBeNull()
        expect(await storeIds("ocop_min_stars=3")).not.toContain(products[0].id)
        expect((await call(api.get(`/vendor/ocop-ratings/${soon.id}`, bearer(token)))).data.ocop_rating).toMatchObject({ status: "verified", in_force: false })

        await expireCertificationsWorkflow(getContainer()).run({ input: { at: new Date() } })
        const afterJob = (await call(api.get(`/vendor/ocop-ratings/${soon.id}`, bearer(token)))).data.ocop_rating
        expect(afterJob.status).toBe("expired")
        expect(afterJob.history.at(-1)).toMatchObject({ from_status: "verified", to_status: "expired", actor_type: "system" })
        expect((await storeProduct(products[1].id)).ocop_rating?.id).toBe(later.id)

        await expireCertificationsWorkflow(getContainer()).run({ input: { at: new Date() } })
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        const reminders = await notifications.listNotifications({ to: "chu@longho.vn", template: "ocop_rating-expiring" })
        expect(reminders.map((n: any) => n.resource_id)).toEqual([later.id])
        expect(await notifications.listNotifications({ to: "chu@longho.vn", template: "ocop_rating-expired" })).toHaveLength(1)
      })

      it("a revoked rating is gone from the store at once; revoking needs a reason and a verified rating", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const r = (await submitRating(token, rating(products[0].id, evidence))).data.ocop_rating
        const early = await decide("ocop-ratings", r.id, "revoke", { note: "Sai quyết định" })
        expect([early.status, early.data.code]).toEqual([409, "invalid_review_transition"])
        await decide("ocop-ratings", r.id, "verify")
        expect((await storeProduct(products[0].id)).ocop_rating?.stars).toBe(4)
        const noReason = await decide("ocop-ratings", r.id, "revoke", {})
        expect([noReason.status, noReason.data.errors?.[0]?.path]).toEqual([400, "note"])
        const revoked = await decide("ocop-ratings", r.id, "revoke", { note: "Tỉnh thu hồi theo Quyết định 88/QĐ-UBND" })
        expect(revoked.data.ocop_rating).toMatchObject({ status: "revoked", review_note: "Tỉnh thu hồi theo Quyết định 88/QĐ-UBND" })
        expect((await storeProduct(products[0].id)).ocop_rating).toBeNull()
        expect((await decide("ocop-ratings", r.id, "verify")).status).toBe(409)
        expect((await decide("ocop-ratings", r.id, "approve")).status).toBe(404)
      })

      it("a re-rating supersedes the active rating; an older decision cannot replace a newer one", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const three = (await submitRating(token, rating(products[0].id, evidence, { stars: 3, decision_date: addMonthsToDay(today(), -20) }))).data.ocop_rating
        await decide("ocop-ratings", three.id, "verify")
        const four = (await submitRating(token, rating(products[0].id, evidence, { stars: 4, decision_number: "990/QĐ-UBND" }))).data.ocop_rating
        await decide("ocop-ratings", four.id, "verify")
        expect((await storeProduct(products[0].id)).ocop_rating).toMatchObject({ id: four.id, stars: 4 })
        expect((await call(api.get(`/vendor/ocop-ratings/${three.id}`, bearer(token)))).data.ocop_rating).toMatchObject({ status: "superseded", superseded_by_id: four.id })

        const stale = (await submitRating(token, rating(products[0].id, evidence, { stars: 5, decision_date: addMonthsToDay(today(), -30) }))).data.ocop_rating
        const refused = await decide("ocop-ratings", stale.id, "verify")
        expect([refused.status, refused.data.code]).toEqual([409, "older_than_active_rating"])
        expect((await storeProduct(products[0].id)).ocop_rating.id).toBe(four.id)
      })

      it("a rejected rating is corrected and resubmitted; it returns to the queue with its history", async () => {
        const { token, products, evidence } = await stall("chu@longho.vn")
        const r = (await submitRating(token, rating(products[0].id, evidence, { decision_number: "15O2/QĐ-UBND" }))).data.ocop_rating
        const rejected = await decide("ocop-ratings", r.id, "reject", { note: "Số quyết định không khớp bản scan" })
        expect(rejected.data.ocop_rating.status).toBe("rejected")
        const seen = (await call(api.get("/vendor/ocop-ratings?status=rejected", bearer(token)))).data.ocop_ratings
        expect(seen.map((x: any) => [x.id, x.review_note])).toEqual([[r.id, "Số quyết định không khớp bản scan"]])

        const badFix = await call(api.post(`/vendor/ocop-ratings/${r.id}`, { stars: 2 }, bearer(token)))
        expect(badFix.status).toBe(400)
        const fixed = await call(api.post(`/vendor/ocop-ratings/${r.id}`, { decision_number: "1502/QĐ-UBND" }, bearer(token)))
        expect(fixed.data.ocop_rating).toMatchObject({ status: "submitted", decision_number: "1502/QĐ-UBND" })
        expect(fixed.data.ocop_rating.history.map((h: any) => h.to_status)).toEqual(["submitted", "rejected", "submitted"])
        await decide("ocop-ratings", r.id, "verify")
        const afterVerify = await call(api.post(`/vendor/ocop-ratings/${r.id}`, { stars: 5 }, bearer(token)))
        expect([afterVerify.status, afterVerify.data.code]).toEqual([409, "not_editable"])
      })

      it("a cooperative never sees another's ratings, and cannot verify anything", async () => {
        const a = await stall("chu@longho.vn")
        const b = await stall("chu@phuocdinh.vn", { tax_code: "0100109106", handle: "htx-phuoc-dinh", name: "HTX Phước Định" })
        const ofB = (await submitRating(b.token, rating(b.products[0].id, b.evidence))).data.ocop_rating
        expect((await call(api.get("/vendor/ocop-ratings", bearer(a.token)))).data.ocop_ratings).toEqual([])
        expect((await call(api.get(`/vendor/ocop-ratings/${ofB.id}`, bearer(a.token)))).status).toBe(404)
        expect((await call(api.post(`/vendor/ocop-ratings/${ofB.id}`, { stars: 5 }, bearer(a.token)))).status).toBe(404)
        const selfVerify = await call(api.post(`/admin/ocop-ratings/${ofB.id}/verify`, {}, bearer(b.token)))
        expect(selfVerify.status).toBe(401)
        expect((await call(api.get(`/vendor/ocop-ratings/${ofB.id}`, bearer(b.token)))).data.ocop_rating.status).toBe("submitted")
      })
    })

    describe("certificates", () => {
      it("VietGAP: longer than two years is refused; a valid one, once verified, shows on its products and the stall", async () => {
        const { token, cooperative, products, evidence } = await stall("chu@longho.vn")
        const issued = addMonthsToDay(today(), -3)
        const tooLong = await call(api.post("/vendor/certificates", vietgap([products[0].id], evidence, { valid_until: addDaysToDay(addMonthsToDay(issued, 24), 1) }), bearer(token)))
        expect([tooLong.status, tooLong.data.code]).toEqual([400, "vietgap_validity_too_long"])
        const backwards = await call(api.post("/vendor/certificates", vietgap([products[0].id], evidence, { valid_until: addDaysToDay(issued, -1) }), bearer(token)))
        expect([backwards.status, backwards.data.code]).toEqual([400, "invalid_validity"])
        const badGgn = await call(api.post("/vendor/certificates", vietgap([products[0].id], evidence, { type: "globalgap", code: "GGN-12" }), bearer(token)))
        expect([badGgn.status, badGgn.data.code]).toEqual([400, "invalid_ggn"])

        const created = await call(api.post("/vendor/certificates", vietgap(products.map((p) => p.id), evidence), bearer(token)))
        expect(created.status).toBe(201)
        expect(created.data.certificate).toMatchObject({ status: "submitted", holder_name: expect.any(String), product_ids: expect.arrayContaining(products.map((p) => p.id)) })
        const duplicate = await call(api.post("/vendor/certificates", vietgap([products[0].id], evidence), bearer(token)))
        expect([duplicate.status, duplicate.data.code]).toEqual([409, "certificate_code_in_use"])

        const queue = await call(api.get("/admin/certificates?status=submitted&type=vietgap&province=Vĩnh Long", bearer(admin)))
        expect(queue.data.certificates.map((c: any) => c.id)).toEqual([created.data.certificate.id])
        expect(queue.data.certificates[0].products.map((p: any) => p.title).sort()).toEqual(["Trà sen Long Hồ", "Trà xanh Long Hồ"])
        expect((await storeProduct(products[0].id)).certificates).toEqual([])

        await decide("certificates", created.data.certificate.id, "verify")
        expect((await storeProduct(products[1].id)).certificates).toEqual([
          expect.objectContaining({ type: "vietgap", code: "VietGAP-TT-13-09-86-0042", valid_until: created.data.certificate.valid_until }),
        ])
        const vietgapIds = await storeIds("certificate=vietgap")
        expect(vietgapIds).toEqual(expect.arrayContaining(products.map((p) => p.id)))
        expect(await storeIds("certificate=organic")).not.toContain(products[0].id)
        expect(await storeIds("certificate=vietgap&ocop_min_stars=3")).not.toContain(products[0].id)
        const directory = await call(api.get("/store/cooperatives?province=Vĩnh Long", store))
        expect(directory.data.cooperatives.find((c: any) => c.id === cooperative.id).certificates.map((c: any) => c.type)).toEqual(["vietgap"])

        const revoked = await decide("certificates", created.data.certificate.id, "revoke", { note: "Chứng nhận bị đình chỉ" })
        expect(revoked.data.certificate.status).toBe("revoked")
        expect((await storeProduct(products[1].id)).certificates).toEqual([])
      })

      it("the demo data: Thanh Nam's teas 3★, Thủy Bằng's tea VietGAP, and Đá Hen's 4★ waiting in the queue", async () => {
        const products = (await call(api.get("/store/products?limit=100&fields=id,title", store))).data.products
        const byTitle = (t: string) => products.find((p: any) => p.title === t)
        expect(byTitle("Trà xanh Thanh Nam").ocop_rating).toMatchObject({ stars: 3 })
        expect(byTitle("Chè Shan tuyết Thanh Nam").ocop_rating).toMatchObject({ stars: 3 })
        expect(byTitle("Hồng trà Thanh Nam").ocop_rating).toBeNull()
        expect(byTitle("Chè xanh Thủy Bằng").certificates.map((c: any) => c.type)).toEqual(["vietgap"])
        expect(byTitle("Chè búp Đá Hen").ocop_rating).toBeNull()
        const queue = (await call(api.get("/admin/ocop-ratings?status=submitted", bearer(admin)))).data.ocop_ratings
        expect(queue.map((r: any) => [r.product.title, r.stars])).toEqual([["Chè búp Đá Hen", 4]])
        const daHen = await demoVendorToken(api, "htx-che-da-hen")
        expect((await call(api.get("/vendor/ocop-ratings", bearer(daHen)))).data.ocop_ratings).toHaveLength(1)

        // Đá Hen's lot page is cached once scanned; verifying the rating shows on it at once, not after the cache ages.
        const lot = (await call(api.get("/vendor/lots?limit=1", bearer(daHen)))).data.lots[0]
        expect((await call(api.get(`/store/trace/${lot.code}`, store))).data.trace.ocop_rating).toBeNull()
        expect((await call(api.get(`/t/${lot.code}`))).data).not.toContain("OCOP")
        await decide("ocop-ratings", queue[0].id, "verify")
        expect((await call(api.get(`/store/trace/${lot.code}`, store))).data.trace.ocop_rating).toMatchObject({ stars: 4 })
        expect((await call(api.get(`/t/${lot.code}`))).data).toContain("OCOP ★★★★")
      })
    })

    describe("bad input to the queues", () => {
      it("answers 400 for unknown filters and stars outside 3–5, 404 for unknown ids", async () => {
        expect((await call(api.get("/admin/ocop-ratings?stars=2", bearer(admin)))).status).toBe(400)
        expect((await call(api.get("/admin/certificates?type=halal", bearer(admin)))).status).toBe(400)
        expect((await call(api.get("/admin/ocop-ratings/ocop_nope", bearer(admin)))).status).toBe(404)
        expect((await call(api.post("/admin/ocop-ratings/ocop_nope/verify", {}, bearer(admin)))).status).toBe(404)
        expect((await call(api.get("/store/products?ocop_min_stars=2", store))).data.code).toBe("invalid_request")
        expect((await call(api.get("/store/products?certificate=halal", store))).status).toBe(400)
      })
    })
  },
})
