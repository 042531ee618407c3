import { gunzipSync } from "node:zlib"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { clearProductAnswerCache, productAnswerCacheStats } from "../../src/api/store/product-answer-cache"
import { complete, readyCart, setStock } from "../checkout"
import { adminToken, bearer, call, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(600_000)

// The store's product routes answer the Next.js starter's exact queries from memory while nothing
// they are made of changed (docs/storefront/listing.md). These tests hold every answer against
// Medusa's own route (the cache off) field by field, and make each kind of write show in the very
// next answer.
const STARTER_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*variants.images,+metadata,+tags,"
const COOPERATIVE_FIELDS = "+cooperative.handle,+cooperative.name,+cooperative.province"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let regionId: string
    let admin: string
    let categoryId: string
    let collectionId: string
    let productIds: string[]

    const h = () => storeHeaders(publishableKey)
    const q = (params: Record<string, string | number>) =>
      "/store/products?" + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()

    /** Medusa's own answer (the cache off), then ours twice (computed, then kept): all three the same. */
    async function compare(path: string) {
      process.env.PRODUCT_ANSWER_CACHE_MS = "0"
      const vanilla = await call(api.get(path, h()))
      delete process.env.PRODUCT_ANSWER_CACHE_MS
      const first = await call(api.get(path, h()))
      const kept = await call(api.get(path, h()))
      expect(first).toEqual(vanilla)
      expect(kept).toEqual(vanilla)
      return vanilla
    }

    /** Medusa's own answer (the cache off). */
    async function vanillaOf(path: string) {
      process.env.PRODUCT_ANSWER_CACHE_MS = "0"
      try {
        return await call(api.get(path, h()))
      } finally {
        delete process.env.PRODUCT_ANSWER_CACHE_MS
      }
    }

    /** Ours, which must equal Medusa's, and how it was made (kept, patched or computed). */
    async function ours(path: string) {
      const before = productAnswerCacheStats()
      const answer = await call(api.get(path, h()))
      const after = productAnswerCacheStats()
      const how =
        after.stock > before.stock ? "stock" : after.patched > before.patched ? "patched" : after.computed > before.computed ? "computed" : after.kept > before.kept ? "kept" : "?"
      expect(answer).toEqual(await vanillaOf(path))
      return { ...answer, how }
    }

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      publishableKey = seeded.publishableKey
      regionId = seeded.regionId
      admin = await adminToken(api)
      const { data } = await api.get(q({ limit: 100, fields: "id" }), h())
      productIds = data.products.map((p: any) => p.id)
      // The demo has no categories, collections or images yet; the starter's pages filter and show them.
      categoryId = (await api.post("/admin/product-categories", { name: "Chè", handle: "che", is_active: true }, bearer(admin))).data.product_category.id
      await api.post(`/admin/product-categories/${categoryId}/products`, { add: productIds.slice(0, 3) }, bearer(admin))
      collectionId = (await api.post("/admin/collections", { title: "Quà Tết", handle: "qua-tet" }, bearer(admin))).data.collection.id
      await api.post(`/admin/collections/${collectionId}/products`, { add: productIds.slice(2, 5) }, bearer(admin))
      for (const id of productIds.slice(0, 2)) {
        await api.post(`/admin/products/${id}`, { images: [{ url: `https://cdn.example.vn/${id}-1.jpg` }, { url: `https://cdn.example.vn/${id}-2.jpg` }], metadata: { origin: "Phú Thọ" } }, bearer(admin))
      }
    })

    afterEach(() => {
      delete process.env.PRODUCT_ANSWER_CACHE_MS
      clearProductAnswerCache()
    })

    it("answers the starter's store page, product page, category, collection, sort, search and pagination exactly as Medusa does", async () => {
      const listing = await compare(q({ limit: 100, offset: 0, region_id: regionId, fields: STARTER_FIELDS }))
      expect(listing.status).toBe(200)
      expect(listing.data.count).toBe(productIds.length)
      const withImages = listing.data.products.find((p: any) => p.images?.length === 2)
      expect(withImages.metadata).toMatchObject({ origin: "Phú Thọ" })
      expect(listing.data.products.some((p: any) => p.variants.some((v: any) => typeof v.inventory_quantity === "number"))).toBe(true)
      expect(listing.data.products.every((p: any) => p.variants.every((v: any) => Number.isInteger(v.calculated_price.calculated_amount)))).toBe(true)

      const handle = listing.data.products[1].handle
      const page = await compare(q({ handle, region_id: regionId, fields: STARTER_FIELDS }))
      expect(page.data.products.map((p: any) => p.handle)).toEqual([handle])

      const category = await compare(q({ category_id: categoryId, limit: 12, region_id: regionId, fields: STARTER_FIELDS }))
      expect(category.data.count).toBe(3)
      const collection = await compare(q({ collection_id: collectionId, limit: 12, region_id: regionId, fields: STARTER_FIELDS }))
      expect(collection.data.count).toBe(3)

      const sorted = await compare(q({ limit: 12, order: "created_at", region_id: regionId, fields: STARTER_FIELDS }))
      expect(sorted.data.products.length).toBeGreaterThan(1)
      await compare(q({ limit: 12, order: "-created_at", region_id: regionId, fields: STARTER_FIELDS }))

      const search = await compare(q({ q: "trà", limit: 12, region_id: regionId, fields: STARTER_FIELDS }))
      expect(search.data.count).toBeGreaterThan(0)

      const second = await compare(q({ limit: 2, offset: 2, region_id: regionId, fields: STARTER_FIELDS }))
      expect(second.data).toMatchObject({ count: productIds.length, offset: 2, limit: 2 })

      const one = await compare(`/store/products/${productIds[0]}?region_id=${regionId}&fields=${encodeURIComponent(STARTER_FIELDS)}`)
      expect(one.data.product.id).toBe(productIds[0])
      const withCooperative = await compare(q({ limit: 5, region_id: regionId, fields: `${STARTER_FIELDS}${COOPERATIVE_FIELDS}` }))
      expect(withCooperative.data.products[0].cooperative.handle).toBeTruthy()
      // A kept answer is never served past Medusa's publishable key check.
      const kept = q({ limit: 5, region_id: regionId, fields: STARTER_FIELDS })
      expect((await call(api.get(kept, storeHeaders("pk_unknown")))).status).toBe(400)
      expect((await call(api.get(kept))).status).toBe(400)
      // Errors are Medusa's too, and never kept.
      await compare(`/store/products/prod_01UNKNOWN?region_id=${regionId}`)
      await compare(q({ limit: "x" }))
    })

    /** The store page and a product page, as a shopper would ask right after the write. */
    const storePage = async () => (await api.get(q({ limit: 100, region_id: regionId, fields: `${STARTER_FIELDS}${COOPERATIVE_FIELDS}` }), h())).data
    const productPage = (id: string) => call(api.get(`/store/products/${id}?region_id=${regionId}&fields=${encodeURIComponent(STARTER_FIELDS)}`, h()))

    it("a kept answer goes gzip-compressed to a client that accepts it (compressed once), the same once decompressed, and plain to one that does not", async () => {
      const path = q({ limit: 100, region_id: regionId, fields: STARTER_FIELDS })
      const plain = (extra: Record<string, string>) =>
        api.get(path, { ...h(), headers: { ...h().headers, ...extra }, decompress: false, responseType: "arraybuffer", validateStatus: () => true })
      const identity = await plain({ "accept-encoding": "identity" })
      expect(identity.status).toBe(200)
      expect(identity.headers["content-encoding"]).toBeUndefined()
      const expected = JSON.parse(Buffer.from(identity.data).toString())
      expect(expected).toEqual((await vanillaOf(path)).data)

      // The first client that accepts gzip gets the plain body while the copy is compressed off the main thread.
      let zipped: Awaited<ReturnType<typeof plain>> | undefined
      for (let i = 0; i < 50 && !zipped; i++) {
        const answer = await plain({ "accept-encoding": "gzip, deflate, br" })
        expect(answer.status).toBe(200)
        expect(answer.headers.vary).toMatch(/Accept-Encoding/i)
        if (answer.headers["content-encoding"] === "gzip") zipped = answer
        else await new Promise((r) => setTimeout(r, 20))
      }
      expect(zipped).toBeDefined()
      const body = Buffer.from(zipped!.data)
      expect(body.length).toBeLessThan(Buffer.from(identity.data).length / 3)
      expect(JSON.parse(gunzipSync(body).toString())).toEqual(expected)
      expect(zipped!.headers.etag).toBe(identity.headers.etag)
      // Refused encodings are respected.
      expect((await plain({ "accept-encoding": "gzip;q=0, identity" })).headers["content-encoding"]).toBeUndefined()
    })

    it("a price change shows in the next answer", async () => {
      const before = await storePage()
      await storePage()
      const product = before.products[0]
      const variant = product.variants[0]
      await productPage(product.id)
      const amount = variant.calculated_price.calculated_amount + 1000
      await api.post(`/admin/products/${product.id}/variants/${variant.id}`, { prices: [{ currency_code: "vnd", amount }] }, bearer(admin))
      const after = await storePage()
      expect(after.products.find((p: any) => p.id === product.id).variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount).toBe(amount)
      expect((await productPage(product.id)).data.product.variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount).toBe(amount)
    })

    it("a stock change shows in the next answer", async () => {
      const before = await storePage()
      await storePage()
      const product = before.products.find((p: any) => p.variants.some((v: any) => typeof v.inventory_quantity === "number"))
      const variant = product.variants.find((v: any) => typeof v.inventory_quantity === "number")
      await productPage(product.id)
      await setStock(api, product.cooperative.handle, variant.sku, variant.inventory_quantity + 7)
      const after = await storePage()
      expect(after.products.find((p: any) => p.id === product.id).variants.find((v: any) => v.id === variant.id).inventory_quantity).toBe(variant.inventory_quantity + 7)
      expect((await productPage(product.id)).data.product.variants.find((v: any) => v.id === variant.id).inventory_quantity).toBe(variant.inventory_quantity + 7)
    })

    it("a purchase's reservation shows in the next answers, computed for the products bought only", async () => {
      const fields = `${STARTER_FIELDS}${COOPERATIVE_FIELDS}`
      const store = q({ limit: 100, region_id: regionId, fields })
      const { data } = await ours(store)
      const bought = data.products.find((p: any) => p.variants.some((v: any) => v.inventory_quantity >= 2))
      const other = data.products.find((p: any) => p.id !== bought.id)
      const variant = bought.variants.find((v: any) => v.inventory_quantity >= 2)
      const detailOf = (p: any) => `/store/products/${p.id}?region_id=${regionId}&fields=${encodeURIComponent(fields)}`
      for (const p of [bought, other]) await ours(detailOf(p))

      const cartId = await readyCart(api, publishableKey, regionId, [{ variant_id: variant.id, quantity: 2 }], { email: "giu-hang@example.vn" })
      expect((await complete(api, publishableKey, cartId)).status).toBe(200)

      const after = await ours(store)
      expect(after.how).toBe("stock")
      expect(after.data.products.find((p: any) => p.id === bought.id).variants.find((v: any) => v.id === variant.id).inventory_quantity).toBe(variant.inventory_quantity - 2)
      const page = await ours(detailOf(bought))
      expect([page.how, page.data.product.variants.find((v: any) => v.id === variant.id).inventory_quantity]).toEqual(["stock", variant.inventory_quantity - 2])
      expect((await ours(detailOf(other))).how).toBe("kept")
    })

    it("an unpublished product disappears from the next answer", async () => {
      const before = await storePage()
      await storePage()
      const product = before.products[before.products.length - 1]
      expect((await productPage(product.id)).status).toBe(200)
      await api.post(`/admin/products/${product.id}`, { status: "draft" }, bearer(admin))
      const after = await storePage()
      expect(after.products.map((p: any) => p.id)).not.toContain(product.id)
      expect(after.count).toBe(before.count - 1)
      expect((await productPage(product.id)).status).toBe(404)
      // Asked by handle (the product page's question, which names the product's id to Medusa's route): still none.
      const byHandle = await compare(q({ handle: product.handle, region_id: regionId, fields: STARTER_FIELDS }))
      expect(byHandle.data).toMatchObject({ products: [], count: 0 })
    })

    it("a suspended cooperative's products disappear from the next answer", async () => {
      const before = await storePage()
      await storePage()
      const product = before.products[0]
      const { data } = await api.get(`/admin/cooperatives?limit=50`, bearer(admin))
      const cooperative = data.cooperatives.find((c: any) => c.handle === product.cooperative.handle)
      const theirs = before.products.filter((p: any) => p.cooperative.handle === cooperative.handle).map((p: any) => p.id)
      await productPage(product.id)
      expect((await call(api.post(`/admin/cooperatives/${cooperative.id}/suspend`, { reason: "Kiểm tra an toàn thực phẩm" }, bearer(admin)))).status).toBe(200)
      const after = await storePage()
      expect(after.products.filter((p: any) => theirs.includes(p.id))).toEqual([])
      expect(after.count).toBe(before.count - theirs.length)
      expect((await productPage(product.id)).status).toBe(404)
    })

    it("a write to one product changes only the answers that show it: lists are patched, other answers kept, all equal to Medusa's", async () => {
      const fields = `${STARTER_FIELDS}${COOPERATIVE_FIELDS}`
      const store = q({ limit: 100, region_id: regionId, fields })
      const { data } = await ours(store)
      const a = data.products[0]
      const b = data.products.find((p: any) => p.id !== a.id && p.variants.some((v: any) => typeof v.inventory_quantity === "number"))
      const handleOf = (p: any) => q({ handle: p.handle, region_id: regionId, fields })
      const detailOf = (p: any) => `/store/products/${p.id}?region_id=${regionId}&fields=${encodeURIComponent(fields)}`
      const collection = q({ collection_id: collectionId, limit: 12, region_id: regionId, fields })
      const paths = [handleOf(a), handleOf(b), detailOf(a), detailOf(b), collection]
      for (const path of paths) await ours(path)
      for (const path of [store, ...paths]) expect((await ours(path)).how).toBe("kept")
      const inCollection = (await ours(collection)).data.products.map((p: any) => p.id)

      // A's price: every answer showing A shows the new price in the very next answer.
      const variant = a.variants[0]
      const amount = variant.calculated_price.calculated_amount + 1000
      await api.post(`/admin/products/${a.id}/variants/${variant.id}`, { prices: [{ currency_code: "vnd", amount }] }, bearer(admin))
      const priceOf = (answer: any) => (answer.data.products?.find((p: any) => p.id === a.id) ?? answer.data.product).variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount
      const afterA = await ours(store)
      expect(afterA.how).toBe("patched")
      expect(priceOf(afterA)).toBe(amount)
      const handleA = await ours(handleOf(a))
      expect(handleA.how).toBe("patched")
      expect(priceOf(handleA)).toBe(amount)
      const detailA = await ours(detailOf(a))
      expect(detailA.how).toBe("computed")
      expect(priceOf(detailA)).toBe(amount)
      // B's answers are not recomputed, and not stale either (equal to Medusa's, checked by ours()).
      expect((await ours(handleOf(b))).how).toBe("kept")
      expect((await ours(detailOf(b))).how).toBe("kept")
      expect((await ours(collection)).how).toBe(inCollection.includes(a.id) ? "patched" : "kept")
      expect((await ours(store)).how).toBe("kept")

      // Then B's stock: B shows it, A keeps its new price. Only B's available quantities are
      // computed again (Medusa's getVariantAvailability), its product page's answer included.
      const stocked = b.variants.find((v: any) => typeof v.inventory_quantity === "number")
      await setStock(api, b.cooperative.handle, stocked.sku, stocked.inventory_quantity + 3)
      const afterB = await ours(store)
      expect(afterB.how).toBe("stock")
      expect(afterB.data.products.find((p: any) => p.id === b.id).variants.find((v: any) => v.id === stocked.id).inventory_quantity).toBe(stocked.inventory_quantity + 3)
      expect(priceOf(afterB)).toBe(amount)
      expect((await ours(handleOf(b))).how).toBe("stock")
      expect((await ours(detailOf(b))).how).toBe("stock")
      expect((await ours(handleOf(a))).how).toBe("kept")
      expect((await ours(detailOf(a))).how).toBe("kept")

      // A product edit can change which products a list holds: lists are answered again, whole.
      await api.post(`/admin/products/${a.id}`, { title: `${a.title} (mùa mới)` }, bearer(admin))
      const afterTitle = await ours(store)
      expect(afterTitle.how).toBe("computed")
      expect(afterTitle.data.products.find((p: any) => p.id === a.id).title).toBe(`${a.title} (mùa mới)`)
      expect((await ours(detailOf(b))).how).toBe("kept")
      expect((await ours(detailOf(a))).how).toBe("computed")
    })

    it("a search list is answered again when a variant's title or SKU changes (what q matches)", async () => {
      const search = q({ q: "trà", limit: 12, region_id: regionId, fields: STARTER_FIELDS })
      const before = await ours(search)
      expect(before.data.count).toBeGreaterThan(0)
      const other = productIds.find((id) => !before.data.products.some((p: any) => p.id === id))!
      const { data } = await api.get(`/admin/products/${other}?fields=id,variants.id,variants.title`, bearer(admin))
      const variant = data.product.variants[0]
      await api.post(`/admin/products/${other}/variants/${variant.id}`, { title: `${variant.title} trà` }, bearer(admin))
      const after = await ours(search)
      expect(after.how).toBe("computed")
      expect(after.data.products.map((p: any) => p.id)).toContain(other)
    })
  },
})
