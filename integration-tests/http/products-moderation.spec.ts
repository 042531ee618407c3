import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { taxCodeCheckDigit } from "../../src/lib/tax-code"
import { refusalOf } from "../../src/lib/errors"
import { PRODUCT_REVISION_MODULE, ProductRevisionModuleService } from "../../src/modules/product-revision"
import { addProductVariantWorkflow } from "../../src/workflows/product/add-product-variant"
import { deleteCooperativeProductWorkflow } from "../../src/workflows/product/delete-cooperative-product"
import { deleteCooperativeVariantWorkflow } from "../../src/workflows/product/delete-cooperative-variant"
import { updateCooperativeProductWorkflow } from "../../src/workflows/product/update-cooperative-product"
import { updateCooperativeVariantWorkflow } from "../../src/workflows/product/update-cooperative-variant"
import { adminToken, bearer, call, createCooperative, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(240_000)

/** A valid tax code no demo cooperative holds, one per test cooperative. */
function taxCode(n: number): string {
  for (let i = n * 50; ; i++) {
    const nine = `770${String(i).padStart(6, "0")}`
    const check = taxCodeCheckDigit(nine)
    if (check !== null) return `${nine}${check}`
  }
}

const tea = {
  title: "Trà xanh Long Hồ",
  description: "Trà xanh trồng ven sông",
  thumbnail: "https://cdn.example.vn/tra-xanh.jpg",
  images: [{ url: "https://cdn.example.vn/tra-xanh.jpg" }],
  variants: [
    { title: "Hộp 200g", price: 120000, sku: "LH-TX-200" },
    { title: "Hộp 500g", price: 280000 },
  ],
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string
    let store: { headers: Record<string, string> }
    let seq = 0

    beforeAll(async () => {
      const { publishableKey } = await seedMarketplace(getContainer())
      store = storeHeaders(publishableKey)
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    /** An approved cooperative with one product the union has published. */
    async function publishedTea(title = tea.title) {
      seq += 1
      const { token, cooperative } = await createCooperative(api, `kiem-duyet-${seq}@htx.vn`, {
        name: `HTX Kiểm duyệt ${seq}`,
        tax_code: taxCode(seq),
      })
      await api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin))
      // SKUs are unique across the whole marketplace (Medusa's rule), so each test cooperative has its own.
      const variants = tea.variants.map((v) => ({ ...v, ...(v.sku ? { sku: `${v.sku}-${seq}` } : {}) }))
      const created = await call(api.post("/vendor/products", { ...tea, title, variants }, bearer(token)))
      expect([created.status, created.data.message]).toEqual([201, undefined])
      const published = await call(api.post(`/admin/products/${created.data.product.id}/publish`, {}, bearer(admin)))
      expect(published.data.product.status).toBe("published")
      return { token, cooperative, product: created.data.product }
    }

    const storeProduct = async (id: string) =>
      call(api.get(`/store/products/${id}?fields=id,title,description,thumbnail,*images,metadata,*variants`, store))
    const vendorProduct = async (token: string, id: string) => (await call(api.get(`/vendor/products/${id}`, bearer(token)))).data.product
    const queue = async (query = "") => (await call(api.get(`/admin/product-queue${query}`, bearer(admin)))).data
    const pendingRows = async (productId: string) =>
      (getContainer().resolve(PRODUCT_REVISION_MODULE) as ProductRevisionModuleService).listProductRevisions({ product_id: productId, status: "pending" })

    it("a published tea's new title waits for the union: the store keeps the approved one, a second edit replaces the proposal, publishing applies it", async () => {
      const { token, product } = await publishedTea()

      const edited = await call(
        api.post(
          `/vendor/products/${product.id}`,
          { title: "Trà xanh Long Hồ thượng hạng", description: "Mua ngay!!!", images: [{ url: "https://cdn.example.vn/moi.jpg" }] },
          bearer(token)
        )
      )
      expect(edited.status).toBe(200)
      expect(edited.data.product).toMatchObject({ title: "Trà xanh Long Hồ", status: "published", review_state: "changes_pending" })
      expect(edited.data.product.revision).toMatchObject({
        status: "pending",
        proposed: { title: "Trà xanh Long Hồ thượng hạng", description: "Mua ngay!!!", thumbnail: tea.thumbnail },
      })
      expect(edited.data.product.revision.diff.map((d: any) => d.field).sort()).toEqual(["description", "images", "title"])
      expect(edited.data.product.revision.diff.find((d: any) => d.field === "title")).toEqual({
        field: "title", live: "Trà xanh Long Hồ", proposed: "Trà xanh Long Hồ thượng hạng",
      })

      // Shoppers see the approved listing, and nothing of the proposal leaks through any field (metadata included).
      const live = await storeProduct(product.id)
      expect(live.status).toBe(200)
      expect(live.data.product.title).toBe("Trà xanh Long Hồ")
      expect(live.data.product.images.map((i: any) => i.url)).toEqual(["https://cdn.example.vn/tra-xanh.jpg"])
      expect(JSON.stringify(live.data)).not.toContain("thượng hạng")
      expect(JSON.stringify(live.data)).not.toContain("Mua ngay")

      const waiting = await queue("?kind=revision")
      const item = waiting.items.find((i: any) => i.product.id === product.id)
      expect(item).toMatchObject({ kind: "revision", product: { title: "Trà xanh Long Hồ", status: "published" }, revision: { status: "pending" } })
      expect(item.cooperative.name).toMatch(/^HTX Kiểm duyệt/)
      const firstRevisionId = item.revision.id

      // A second edit replaces the waiting proposal (merged over it: the description change stays).
      const again = await call(api.post(`/vendor/products/${product.id}`, { title: "Trà xanh Long Hồ loại 1" }, bearer(token)))
      expect(again.data.product.title).toBe("Trà xanh Long Hồ")
      expect(again.data.product.revision.id).not.toBe(firstRevisionId)
      expect(again.data.product.revision.proposed).toMatchObject({ title: "Trà xanh Long Hồ loại 1", description: "Mua ngay!!!" })
      expect(await pendingRows(product.id)).toHaveLength(1)
      const afterSecond = (await queue("?kind=revision")).items.filter((i: any) => i.product.id === product.id)
      expect(afterSecond).toHaveLength(1)
      expect(afterSecond[0].revision.proposed.title).toBe("Trà xanh Long Hồ loại 1")

      // The admin reviewed the first proposal: publishing it now would publish what they never saw.
      const stale = await call(api.post(`/admin/products/${product.id}/publish`, { revision_id: firstRevisionId }, bearer(admin)))
      expect(stale.status).toBe(409)
      expect(stale.data.code).toBe("revision_changed")
      expect((await storeProduct(product.id)).data.product.title).toBe("Trà xanh Long Hồ")

      const published = await call(api.post(`/admin/products/${product.id}/publish`, { revision_id: afterSecond[0].revision.id }, bearer(admin)))
      expect(published.status).toBe(200)
      expect(published.data).toMatchObject({ product: { status: "published", title: "Trà xanh Long Hồ loại 1" }, revision: { status: "published" } })

      const now = await storeProduct(product.id)
      expect(now.data.product).toMatchObject({ title: "Trà xanh Long Hồ loại 1", description: "Mua ngay!!!" })
      expect(now.data.product.images.map((i: any) => i.url)).toEqual(["https://cdn.example.vn/moi.jpg"])
      const vendorView = await vendorProduct(token, product.id)
      expect(vendorView).toMatchObject({ title: "Trà xanh Long Hồ loại 1", review_state: "published", revision: { status: "published" } })
      expect((await queue("?kind=revision")).items.map((i: any) => i.product.id)).not.toContain(product.id)
      // Nothing waits any more, so publishing again is the old "already published".
      expect((await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))).data.code).toBe("already_published")
    })

    it("the union rejects a proposal with a reason: the live listing stays on sale unchanged and the cooperative reads why", async () => {
      const { token, product } = await publishedTea("Chè Shan tuyết")
      await api.post(`/vendor/products/${product.id}`, { title: "Chè Shan tuyết SỐ 1 VIỆT NAM", subtitle: "Rẻ nhất" }, bearer(token))

      expect((await call(api.post(`/admin/products/${product.id}/reject`, {}, bearer(admin)))).status).toBe(400)
      const rejected = await call(api.post(`/admin/products/${product.id}/reject`, { reason: "Tên sản phẩm quảng cáo quá mức" }, bearer(admin)))
      expect(rejected.status).toBe(200)
      expect(rejected.data).toMatchObject({ product: { status: "published", title: "Chè Shan tuyết" }, revision: { status: "rejected" } })

      const live = await storeProduct(product.id)
      expect(live.data.product.title).toBe("Chè Shan tuyết")
      expect(JSON.stringify(live.data)).not.toContain("Rẻ nhất")
      const seen = await vendorProduct(token, product.id)
      expect(seen).toMatchObject({
        title: "Chè Shan tuyết",
        status: "published",
        review_state: "changes_rejected",
        revision: { status: "rejected", reason: "Tên sản phẩm quảng cáo quá mức", proposed: { title: "Chè Shan tuyết SỐ 1 VIỆT NAM" } },
      })
      expect((await queue()).items.map((i: any) => i.product.id)).not.toContain(product.id)
    })

    it("price, SKU and stock flags of a published product apply at once and the variant keeps its packaging name", async () => {
      const { token, product } = await publishedTea("Trà búp")
      const variant = product.variants.find((v: any) => v.title === "Hộp 200g")

      const repriced = await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, { price: 135000 }, bearer(token)))
      expect(repriced.status).toBe(200)
      const after = repriced.data.product.variants.find((v: any) => v.id === variant.id)
      expect(after).toMatchObject({ title: "Hộp 200g", price: 135000, sku: variant.sku })
      expect(repriced.data.product.review_state).toBe("published")
      expect(repriced.data.product.revision).toBeNull()

      const sku = await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, { sku: `${variant.sku}B`, allow_backorder: true }, bearer(token)))
      expect(sku.data.product.variants.find((v: any) => v.id === variant.id)).toMatchObject({ title: "Hộp 200g", price: 135000, sku: `${variant.sku}B`, allow_backorder: true })
      const nothing = await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, {}, bearer(token)))
      expect(nothing.data.product.variants.find((v: any) => v.id === variant.id)).toMatchObject({ title: "Hộp 200g", price: 135000 })

      const live = await storeProduct(product.id)
      expect(live.data.product.variants.map((v: any) => v.title).sort()).toEqual(["Hộp 200g", "Hộp 500g"])
      const { data: regions } = await call(api.get("/store/regions", store))
      const priced = await call(
        api.get(`/store/products/${product.id}?region_id=${regions.regions[0].id}&fields=id,*variants.calculated_price`, store)
      )
      expect(priced.data.product.variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount).toBe(135000)

      // Weight is logistics, not content: at once, no revision.
      const weight = await call(api.post(`/vendor/products/${product.id}`, { weight: 260 }, bearer(token)))
      expect(weight.data.product).toMatchObject({ weight: 260, review_state: "published", revision: null })
      expect(await pendingRows(product.id)).toHaveLength(0)
    })

    it("edits of products the union has not published apply directly; taking a live product to draft folds the waiting proposal in", async () => {
      const { token } = await createCooperative(api, "nhap@htx.vn", { name: "HTX Nháp", tax_code: taxCode(999) })
      const draft = (await call(api.post("/vendor/products", { ...tea, variants: [{ title: "Hộp 100g", price: 60000 }], status: "draft" }, bearer(token)))).data.product
      const edited = await call(api.post(`/vendor/products/${draft.id}`, { title: "Trà nháp mới" }, bearer(token)))
      expect(edited.data.product).toMatchObject({ title: "Trà nháp mới", status: "draft", revision: null, review_state: "draft" })

      const { token: t2, product } = await publishedTea("Trà sen")
      await api.post(`/vendor/products/${product.id}`, { title: "Trà sen Tây Hồ" }, bearer(t2))
      const withdrawn = await call(api.post(`/vendor/products/${product.id}`, { status: "draft" }, bearer(t2)))
      expect(withdrawn.data.product).toMatchObject({ title: "Trà sen Tây Hồ", status: "draft", revision: null })
      expect(await pendingRows(product.id)).toHaveLength(0)
      expect((await storeProduct(product.id)).status).toBe(404)
      // Proposed again, it waits in the queue as a whole product.
      await api.post(`/vendor/products/${product.id}`, { status: "proposed" }, bearer(t2))
      const waiting = (await queue("?kind=product")).items.find((i: any) => i.product.id === product.id)
      expect(waiting).toMatchObject({ kind: "product", product: { title: "Trà sen Tây Hồ", status: "proposed" }, revision: null })
    })

    it("a cooperative that deletes its live product takes its waiting proposal out of the union's queue", async () => {
      const { token, product } = await publishedTea("Trà vối")
      await api.post(`/vendor/products/${product.id}`, { title: "Trà vối rừng" }, bearer(token))
      expect((await queue("?kind=revision")).items.map((i: any) => i.product.id)).toContain(product.id)
      expect((await call(api.delete(`/vendor/products/${product.id}`, bearer(token)))).status).toBe(200)
      expect((await queue()).items.map((i: any) => i.product.id)).not.toContain(product.id)
      expect(await pendingRows(product.id)).toHaveLength(0)
      expect((await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))).status).toBe(404)
    })

    it("concurrent edits of a live product leave exactly one proposal waiting and never answer 5xx", async () => {
      const { token, product } = await publishedTea("Trà ô long")
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => call(api.post(`/vendor/products/${product.id}`, { title: `Trà ô long ${i}` }, bearer(token))))
      )
      for (const answer of answers) expect(answer.status).toBeLessThan(500)
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0)
      expect(await pendingRows(product.id)).toHaveLength(1)
      expect((await storeProduct(product.id)).data.product.title).toBe("Trà ô long")
    })

    it("every product and variant workflow refuses another cooperative's product, even called directly, and changes nothing", async () => {
      const victim = await publishedTea("Chè Thanh Nam")
      const attacker = await publishedTea("Chè kẻ gian")
      const container = getContainer()
      const victimVariant = victim.product.variants[0]
      const attackerVariant = attacker.product.variants[0]
      const as = attacker.cooperative.id
      const attempts: [string, () => Promise<unknown>][] = [
        ["update product", () => updateCooperativeProductWorkflow(container).run({ input: { cooperative_id: as, product_id: victim.product.id, update: { title: "Đã bị sửa", status: "draft" } } })],
        ["delete product", () => deleteCooperativeProductWorkflow(container).run({ input: { cooperative_id: as, product_id: victim.product.id } })],
        ["add variant", () => addProductVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: victim.product.id, variant: { title: "Gói giả", price: 1 } } })],
        ["reprice variant", () => updateCooperativeVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: victim.product.id, variant_id: victimVariant.id, update: { price: 1 } } })],
        // Its own product id with the victim's variant id: the pair must match too.
        ["reprice variant through own product", () => updateCooperativeVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: attacker.product.id, variant_id: victimVariant.id, update: { price: 1 } } })],
        ["delete variant", () => deleteCooperativeVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: victim.product.id, variant_id: victimVariant.id } })],
        ["delete variant through own product", () => deleteCooperativeVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: attacker.product.id, variant_id: victimVariant.id } })],
        ["unknown cooperative", () => updateCooperativeProductWorkflow(container).run({ input: { cooperative_id: "coop_unknown", product_id: victim.product.id, update: { weight: 1 } } })],
        ["empty cooperative", () => updateCooperativeVariantWorkflow(container).run({ input: { cooperative_id: "", product_id: victim.product.id, variant_id: victimVariant.id, update: { price: 1 } } })],
      ]
      for (const [what, attempt] of attempts) {
        const error: any = await attempt().then(() => null, (e) => e)
        expect([what, refusalOf(error)?.status, refusalOf(error)?.code]).toEqual([what, 404, "not_found"])
      }
      const after = await vendorProduct(victim.token, victim.product.id)
      expect(after).toMatchObject({ title: "Chè Thanh Nam", status: "published", revision: null })
      expect(after.variants.map((v: any) => [v.title, v.price]).sort()).toEqual([["Hộp 200g", 120000], ["Hộp 500g", 280000]])
      expect(await pendingRows(victim.product.id)).toHaveLength(0)
      // The attacker's own workflows still work on its own product (the check is not simply "refuse everything").
      await updateCooperativeVariantWorkflow(container).run({ input: { cooperative_id: as, product_id: attacker.product.id, variant_id: attackerVariant.id, update: { price: 99000 } } })
      expect((await vendorProduct(attacker.token, attacker.product.id)).variants.find((v: any) => v.id === attackerVariant.id)).toMatchObject({ title: attackerVariant.title, price: 99000 })

      // Over HTTP: the victim's product through the attacker's session, any spelling the tenant rules see, is 404 and changes nothing.
      const http = await call(api.post(`/vendor/products/${victim.product.id}`, { title: "Đã bị sửa" }, bearer(attacker.token)))
      expect(http.status).toBe(404)
      expect(await pendingRows(victim.product.id)).toHaveLength(0)
    })

    it("garbage edits and decisions answer 4xx with a code and change nothing", async () => {
      const { token, product } = await publishedTea("Trà móc câu")
      const variant = product.variants[0]
      const bad: [string, any][] = [
        [`/vendor/products/${product.id}`, { title: "" }],
        [`/vendor/products/${product.id}`, { title: 42 }],
        [`/vendor/products/${product.id}`, { title: "x".repeat(201) }],
        [`/vendor/products/${product.id}`, { status: "published" }],
        [`/vendor/products/${product.id}`, { metadata: { moderation: null } }],
        [`/vendor/products/${product.id}`, { handle: "Not A Handle" }],
        [`/vendor/products/${product.id}`, { images: "https://cdn.example.vn/a.jpg" }],
        [`/vendor/products/${product.id}`, { images: [{ url: "not a url" }] }],
        [`/vendor/products/${product.id}`, [{ title: "mảng" }]],
        [`/vendor/products/${product.id}/variants/${variant.id}`, { price: -1 }],
        [`/vendor/products/${product.id}/variants/${variant.id}`, { price: "1000" }],
        [`/vendor/products/${product.id}/variants/${variant.id}`, { price: 1.5 }],
        [`/vendor/products/${product.id}/variants/${variant.id}`, { title: "Hộp mới" }],
        [`/vendor/products/${product.id}/variants/${variant.id}`, { options: { "Quy cách": "" } }],
      ]
      for (const [url, body] of bad) {
        const res = await call(api.post(url, body, bearer(token)))
        expect([url, JSON.stringify(body), res.status >= 400 && res.status < 500, typeof res.data.code]).toEqual([url, JSON.stringify(body), true, "string"])
      }
      const adminBad: [string, any][] = [
        [`/admin/products/${product.id}/publish`, { revision_id: "'; drop table product;--" }],
        [`/admin/products/${product.id}/publish`, { revision_id: 5 }],
        [`/admin/products/${product.id}/reject`, { reason: "" }],
        [`/admin/products/${product.id}/publish`, { status: "draft" }],
        [`/admin/products/prod_unknown/publish`, {}],
      ]
      for (const [url, body] of adminBad) {
        const res = await call(api.post(url, body, bearer(admin)))
        expect([url, res.status >= 400 && res.status < 500, typeof res.data.code]).toEqual([url, true, "string"])
      }
      for (const query of ["?limit=0", "?limit=101", "?offset=-1", "?kind=everything", "?status=pending"]) {
        const res = await call(api.get(`/admin/product-queue${query}`, bearer(admin)))
        expect([query, res.status]).toEqual([query, 400])
      }
      expect((await call(api.get("/admin/product-queue", bearer(token)))).status).toBe(401)

      const after = await vendorProduct(token, product.id)
      expect(after).toMatchObject({ title: "Trà móc câu", status: "published", revision: null })
      expect(after.variants.find((v: any) => v.id === variant.id)).toMatchObject({ title: variant.title, price: variant.price })
    })
  },
})
