import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminToken, bearer, call, createCooperative, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

const tea = {
  title: "Trà xanh Long Hồ",
  description: "Trà xanh trồng ven sông",
  weight: 250,
  thumbnail: "https://cdn.example.vn/tra-xanh-long-ho.jpg",
  images: [{ url: "https://cdn.example.vn/tra-xanh-long-ho.jpg" }, { url: "https://cdn.example.vn/doi-che.jpg" }],
  variants: [
    { title: "Hộp 200g", price: 120000, weight: 250, sku: "LH-TX-200" },
    { title: "Hộp 500g", price: 280000, weight: 560 },
  ],
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

    const storeProductIds = async () =>
      (await call(api.get("/store/products?limit=100&fields=id", store))).data.products.map((p: any) => p.id)

    async function approvedCooperativeWithProduct(email: string, overrides: Record<string, unknown> = {}) {
      const { token, cooperative } = await createCooperative(api, email, overrides)
      await api.post(`/admin/cooperatives/${cooperative.id}/approve`, {}, bearer(admin))
      const created = await call(api.post("/vendor/products", tea, bearer(token)))
      return { token, cooperative, product: created.data.product }
    }

    describe("a cooperative manages its products", () => {
      it("creates a product with variants priced in whole đồng; it is proposed and not yet in the store", async () => {
        const { token, product } = await approvedCooperativeWithProduct("chu@longho.vn")
        expect(product).toMatchObject({
          title: "Trà xanh Long Hồ",
          status: "proposed",
          handle: "tra-xanh-long-ho-htx-rau-sach-long-ho",
          weight: 250,
          thumbnail: "https://cdn.example.vn/tra-xanh-long-ho.jpg",
        })
        expect(product.images.map((i: any) => i.url).sort()).toEqual([
          "https://cdn.example.vn/doi-che.jpg", "https://cdn.example.vn/tra-xanh-long-ho.jpg",
        ])
        expect(product.variants.map((v: any) => [v.title, v.price]).sort()).toEqual([["Hộp 200g", 120000], ["Hộp 500g", 280000]])
        expect(await storeProductIds()).not.toContain(product.id)

        const list = await call(api.get("/vendor/products?status=proposed", bearer(token)))
        expect(list.data.products.map((p: any) => p.id)).toEqual([product.id])

        const edited = await call(api.post(`/vendor/products/${product.id}`, { subtitle: "Vụ xuân 2026", status: "draft" }, bearer(token)))
        expect(edited.data.product).toMatchObject({ subtitle: "Vụ xuân 2026", status: "draft" })
        const publishSelf = await call(api.post(`/vendor/products/${product.id}`, { status: "published" }, bearer(token)))
        expect(publishSelf.status).toBe(400)

        const variant = product.variants.find((v: any) => v.title === "Hộp 200g")
        const repriced = await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, { price: 125000 }, bearer(token)))
        expect(repriced.data.product.variants.find((v: any) => v.id === variant.id).price).toBe(125000)
        const added = await call(api.post(`/vendor/products/${product.id}/variants`, { title: "Túi 1kg", price: 500000, weight: 1020 }, bearer(token)))
        expect(added.status).toBe(201)
        expect(added.data.product.variants).toHaveLength(3)
        const duplicateVariant = await call(api.post(`/vendor/products/${product.id}/variants`, { title: "túi 1KG", price: 1 }, bearer(token)))
        expect(duplicateVariant.status).toBe(409)

        const removed = await call(api.delete(`/vendor/products/${product.id}`, bearer(token)))
        expect(removed.status).toBe(200)
        expect((await call(api.get(`/vendor/products/${product.id}`, bearer(token)))).status).toBe(404)
      })

      it("refuses fractional, negative or missing prices and unknown fields with 400 and the field's path", async () => {
        const token = await demoVendorToken(api, "dafusa-phu-da")
        const cases: [any, string][] = [
          [{ ...tea, variants: [{ title: "Chai", price: 95000.5 }] }, "variants.0.price"],
          [{ ...tea, variants: [{ title: "Chai", price: -1 }] }, "variants.0.price"],
          [{ ...tea, variants: [{ title: "Chai" }] }, "variants.0.price"],
          [{ ...tea, variants: [] }, "variants"],
          [{ ...tea, status: "published" }, "status"],
          [{ ...tea, owner_id: "x" }, "body"],
          [{ ...tea, variants: [{ title: "Chai", price: 1 }, { title: "chai", price: 2 }] }, "variants.1.title"],
        ]
        for (const [body, path] of cases) {
          const res = await call(api.post("/vendor/products", body, bearer(token)))
          expect(res.status).toBe(400)
          expect(res.data.code).toBe("invalid_request")
          expect(res.data.errors.map((e: any) => e.path)).toContain(path)
        }
        const dup = await call(api.post("/vendor/products", { ...tea, handle: "dau-phong-nguyen-chat-dafusa-dafusa-phu-da" }, bearer(token)))
        expect(dup.status).toBe(409)
        expect(dup.data.code).toBe("product_handle_taken")
      })

      it("sets stock at its own warehouse and reads it back", async () => {
        const { token, product } = await approvedCooperativeWithProduct("kho@longho.vn")
        const inventory = await call(api.get("/vendor/inventory", bearer(token)))
        expect(inventory.data.location_id).toMatch(/^sloc_/)
        expect(inventory.data.inventory).toHaveLength(2)
        const item = inventory.data.inventory.find((i: any) => i.variant_title === "Hộp 200g")
        expect(item).toMatchObject({ product_id: product.id, stocked_quantity: 0 })

        const set = await call(api.post(`/vendor/inventory/${item.inventory_item_id}`, { stocked_quantity: 40 }, bearer(token)))
        expect(set.data.inventory_level).toMatchObject({ stocked_quantity: 40, available_quantity: 40 })
        const again = await call(api.post(`/vendor/inventory/${item.inventory_item_id}`, { stocked_quantity: 35 }, bearer(token)))
        expect(again.data.inventory_level.stocked_quantity).toBe(35)
        expect((await call(api.post(`/vendor/inventory/${item.inventory_item_id}`, { stocked_quantity: 1.5 }, bearer(token)))).status).toBe(400)
        const after = await call(api.get("/vendor/inventory", bearer(token)))
        expect(after.data.inventory.find((i: any) => i.inventory_item_id === item.inventory_item_id).stocked_quantity).toBe(35)
      })

      it("a pending cooperative can prepare products but has no warehouse and nothing of it can be published", async () => {
        const token = await demoVendorToken(api, "htx-mat-ong-lang-ha")
        const created = await call(api.post("/vendor/products", { ...tea, title: "Mật ong bạc hà" }, bearer(token)))
        expect(created.status).toBe(201)
        const inventory = await call(api.get("/vendor/inventory", bearer(token)))
        expect(inventory.data.location_id).toBeNull()
        const stock = await call(api.post(`/vendor/inventory/${inventory.data.inventory[0].inventory_item_id}`, { stocked_quantity: 5 }, bearer(token)))
        expect(stock.status).toBe(409)
        expect(stock.data.code).toBe("no_warehouse_yet")

        const publish = await call(api.post(`/admin/products/${created.data.product.id}/publish`, {}, bearer(admin)))
        expect(publish.status).toBe(409)
        expect(publish.data.code).toBe("cooperative_not_approved")
      })
    })

    describe("union moderation and what the store shows", () => {
      it("admins publish or reject (with a reason the cooperative reads); only published products of approved cooperatives are in the store", async () => {
        const { token, cooperative, product } = await approvedCooperativeWithProduct("duyet@longho.vn")
        const noReason = await call(api.post(`/admin/products/${product.id}/reject`, {}, bearer(admin)))
        expect(noReason.status).toBe(400)
        const rejected = await call(api.post(`/admin/products/${product.id}/reject`, { reason: "Thiếu ảnh sản phẩm" }, bearer(admin)))
        expect(rejected.data.product).toMatchObject({ status: "rejected", moderation: { decision: "reject", reason: "Thiếu ảnh sản phẩm" } })
        const seen = await call(api.get(`/vendor/products/${product.id}`, bearer(token)))
        expect(seen.data.product.moderation.reason).toBe("Thiếu ảnh sản phẩm")

        await api.post(`/vendor/products/${product.id}`, { status: "proposed" }, bearer(token))
        const published = await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))
        expect(published.data.product.status).toBe("published")
        expect((await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))).status).toBe(409)
        expect(await storeProductIds()).toContain(product.id)

        const withCooperative = await call(api.get(`/store/products/${product.id}?fields=id,title,cooperative.handle,cooperative.name,cooperative.province`, store))
        expect(withCooperative.data.product.cooperative).toEqual({
          id: cooperative.id, handle: "htx-rau-sach-long-ho", name: "HTX Rau sạch Long Hồ", province: "Vĩnh Long",
        })
        const privateFields = await call(api.get(`/store/products/${product.id}?fields=id,cooperative.bank_account_number,cooperative.tax_code`, store))
        expect(JSON.stringify(privateFields.data)).not.toContain("bank_account_number")

        const vendorCannot = await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(token)))
        expect(vendorCannot.status).toBe(401)
      })

      it("a suspended cooperative's stall and products vanish from every store route, and come back on reinstatement", async () => {
        const thanhNam = (await call(api.get("/store/cooperatives/htx-che-thanh-nam", store))).data
        expect(thanhNam.products.length).toBe(3)
        const productId = thanhNam.products[0].id
        const id = thanhNam.cooperative.id
        expect(await storeProductIds()).toContain(productId)

        const vendor = await demoVendorToken(api, "htx-che-thanh-nam")
        const draft = await call(api.post("/vendor/products", { ...tea, title: "Trà sen" }, bearer(vendor)))
        expect(draft.status).toBe(201)

        await api.post(`/admin/cooperatives/${id}/suspend`, { reason: "Kiểm tra chất lượng" }, bearer(admin))
        expect(await storeProductIds()).not.toContain(productId)
        expect((await call(api.get(`/store/products/${productId}`, store))).status).toBe(404)
        expect((await call(api.get("/store/cooperatives/htx-che-thanh-nam", store))).status).toBe(404)
        const directory = await call(api.get("/store/cooperatives?province=Phú Thọ", store))
        expect(directory.data.cooperatives.map((c: any) => c.handle).sort()).toEqual(["htx-che-da-hen", "htx-dat-to-seed"])

        // Its staff still read, change nothing of the catalogue (the status table), and nothing of theirs is published.
        expect((await call(api.get(`/vendor/products/${productId}`, bearer(vendor)))).status).toBe(200)
        const refused = await call(api.post("/vendor/products", { ...tea, title: "Trà sen 2" }, bearer(vendor)))
        expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 403, code: "cooperative_status_forbids" })
        expect((await call(api.post(`/admin/products/${draft.data.product.id}/publish`, {}, bearer(admin)))).status).toBe(409)

        await api.post(`/admin/cooperatives/${id}/reinstate`, { reason: "Đạt" }, bearer(admin))
        expect(await storeProductIds()).toContain(productId)
        expect(await storeProductIds()).not.toContain(draft.data.product.id)
        expect((await call(api.get("/store/cooperatives/htx-che-thanh-nam", store))).status).toBe(200)
      })

      it("the store directory lists approved cooperatives only, filters by province and paginates", async () => {
        const all = await call(api.get("/store/cooperatives", store))
        expect(all.data.count).toBe(5)
        expect(all.data.cooperatives.map((c: any) => c.handle)).not.toContain("htx-mat-ong-lang-ha")
        expect(JSON.stringify(all.data)).not.toContain("bank")
        const hue = await call(api.get("/store/cooperatives?province=hue", store))
        expect(hue.data.cooperatives.map((c: any) => c.handle).sort()).toEqual(["dafusa-phu-da", "htx-thuy-bang"])
        const page = await call(api.get("/store/cooperatives?limit=2&offset=4", store))
        expect(page.data.cooperatives).toHaveLength(1)
        expect((await call(api.get("/store/cooperatives?limit=0", store))).status).toBe(400)
        expect((await call(api.get("/store/cooperatives?province=Atlantis", store))).status).toBe(400)
        expect((await call(api.get("/store/cooperatives/htx-mat-ong-lang-ha", store))).status).toBe(404)
        expect((await call(api.get("/store/cooperatives"))).status).toBe(400)
      })
    })

    describe("carts refuse what may not be sold", () => {
      it("refuses, naming the item, a suspended cooperative's tea and an unpublished product", async () => {
        const { data: { products } } = await call(api.get("/store/products?limit=100&fields=id,title,variants.id,cooperative.handle", store))
        const tea = products.find((p: any) => p.cooperative.handle === "htx-che-da-hen")
        const oil = products.find((p: any) => p.cooperative.handle === "dafusa-phu-da")
        const { data: { cart } } = await api.post("/store/carts", {}, store)

        const ok = await call(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: oil.variants[0].id, quantity: 1 }, store))
        expect(ok.status).toBe(200)

        const daHen = (await call(api.get("/admin/cooperatives?q=da-hen", bearer(admin)))).data.cooperatives[0]
        await api.post(`/admin/cooperatives/${daHen.id}/suspend`, { reason: "Tạm ngừng" }, bearer(admin))
        const refused = await call(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: tea.variants[0].id, quantity: 1 }, store))
        expect(refused.status).toBe(400)
        expect(refused.data.code).toBe("cooperative_not_selling")
        expect(refused.data.message).toContain(tea.title)

        const { token } = await createCooperative(api, "chua-duyet@htx.vn")
        const unpublished = (await call(api.post("/vendor/products", { ...teaBody(), title: "Chè chưa duyệt" }, bearer(token)))).data.product
        const notOnSale = await call(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: unpublished.variants[0].id, quantity: 1 }, store))
        expect(notOnSale.status).toBe(400)
        expect(notOnSale.data.code).toBe("product_not_on_sale")
        expect(notOnSale.data.message).toContain("Chè chưa duyệt")

        const cartAfter = await call(api.get(`/store/carts/${cart.id}`, store))
        expect(cartAfter.data.cart.items).toHaveLength(1)
      })
    })
  },
})

function teaBody() {
  return { ...tea }
}
