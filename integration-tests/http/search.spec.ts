import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { ISearchModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"
import { runSearchScenarios } from "../search-scenarios"
import { publishableKeyCacheInstalled } from "../../src/medusa-internals/publishable-key-cache"

jest.setTimeout(180_000)

/** Polls until `check` passes: ingestion runs from events, a moment after the request answers. */
async function eventually(check: () => Promise<void>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, 250))
    }
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let salesChannel: string

    beforeAll(async () => {
      const container = getContainer()
      const { publishableKey, salesChannelId } = await seedMarketplace(container)
      salesChannel = salesChannelId
      store = storeHeaders(publishableKey)
      // Everything the seed wrote, indexed through the module's own versioned rebuild (what
      // `npm run reindex` runs), before the runner snapshots the database.
      await container.resolve<ISearchModuleService>(Modules.SEARCH).reindex()
    })

    const search = (body: any) => call(api.post("/store/search", body, store))
    const products = async (body: any = {}) => {
      const res = await search({ entity: "product", ...body })
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(res.data)}`)
      return res.data.results[0]
    }
    const titles = async (q: string, options: any = {}) =>
      (await products({ filters: { q }, ...options })).hits.map((h: any) => h.document.title)

    describe("Vietnamese text, on the PostgreSQL provider", () => {
      runSearchScenarios({ titles, products, search: (body) => search(body) })
    })

    describe("what the store may see", () => {
      it("holds only published products of approved cooperatives, whatever the client asks for", async () => {
        const all = await products({ pagination: { take: 100 } })
        expect(all.metadata.count).toBe(13)
        expect(all.hits.every((h: any) => h.document.status === "published" && h.document.cooperative_status === "approved")).toBe(true)
        expect(all.hits.map((h: any) => h.document.cooperative_handle)).not.toContain("htx-mat-ong-lang-ha")

        const widened = await products({
          filters: { $or: [{ status: "draft" }, { status: "proposed" }, { cooperative_status: "pending" }, { cooperative_status: "approved" }] },
          pagination: { take: 100 },
        })
        expect(widened.metadata.count).toBe(13)
        expect((await products({ filters: { cooperative_status: "pending" } })).metadata.count).toBe(0)

        const coops = await search({ entity: "cooperative", filters: { $not: { status: "approved" } } })
        expect(coops.data.results[0].metadata.count).toBe(0)
      })

      it("serves the stall directory with product counts", async () => {
        const { data } = await search({ entity: "cooperative", filters: { q: "da hen" } })
        expect(data.results[0].hits[0].document).toMatchObject({ handle: "htx-che-da-hen", province: "Phú Thọ", product_count: 2, ocop_product_count: 0 })
        const all = await search({ entity: "cooperative", pagination: { take: 50 }, search_options: { facets: ["province"] } })
        expect(all.data.results[0].metadata.count).toBe(5)
        expect(all.data.results[0].facets.province.values).toEqual(expect.arrayContaining([{ value: "Phú Thọ", count: 3 }, { value: "Huế", count: 2 }]))
      })

      it("refuses an index it does not expose", async () => {
        expect((await search({ entity: "order" })).status).toBe(404)
      })
    })

    describe("filters, sorts, facets and batches", () => {
      it("filters on province (typed with or without marks), cooperative, price, stock, stars and certificates", async () => {
        const phuTho = await products({ filters: { province: "phu tho" }, pagination: { take: 100 } })
        expect(phuTho.metadata.count).toBe(8)
        expect(new Set(phuTho.hits.map((h: any) => h.document.province))).toEqual(new Set(["Phú Thọ"]))

        const dahen = phuTho.hits.find((h: any) => h.document.cooperative_handle === "htx-che-da-hen").document.cooperative_id
        expect((await products({ filters: { cooperative_id: dahen } })).metadata.count).toBe(2)

        const cheap = await products({ filters: { min_price: { $lte: 30000 } }, pagination: { take: 100 } })
        expect(cheap.hits.map((h: any) => h.document.title).sort()).toEqual(
          ["Chè tươi Thủy Bằng", "Hành lá Lâm Thao", "Tàu hũ non", "Đậu phụ tươi Phú Đa"].sort()
        )
        expect((await products({ filters: { in_stock: true } })).metadata.count).toBe(13)
        // The demo's quality marks: Thanh Nam's two teas are verified OCOP 3★, Thủy Bằng's two teas VietGAP.
        const rated = await products({ filters: { ocop_stars: { $gte: 3 } } })
        expect(rated.hits.map((h: any) => h.document.title).sort()).toEqual(["Chè Shan tuyết Thanh Nam", "Trà xanh Thanh Nam"])
        expect((await products({ filters: { ocop_stars: { $gte: 4 } } })).metadata.count).toBe(0)
        const vietgap = await products({ filters: { certificate_types: "vietgap" } })
        expect(vietgap.hits.map((h: any) => h.document.title).sort()).toEqual(["Chè tươi Thủy Bằng", "Chè xanh Thủy Bằng"])
      })

      it("sorts by price, newest and stars, and counts facets", async () => {
        const byPrice = await products({ pagination: { take: 100, order: { min_price: "ASC" } } })
        const prices = byPrice.hits.map((h: any) => h.document.min_price)
        expect(prices).toEqual([...prices].sort((a, b) => a - b))
        const dear = await products({ pagination: { take: 1, order: { max_price: "DESC" } } })
        expect(dear.hits[0].document.title).toBe("Chè Shan tuyết Thanh Nam")
        const newest = await products({ pagination: { take: 100, order: { created_at: "DESC" } } })
        const dates = newest.hits.map((h: any) => h.document.created_at)
        expect(dates).toEqual([...dates].sort().reverse())
        expect((await products({ pagination: { order: { ocop_stars: "DESC" } } })).hits).toHaveLength(13)

        const faceted = await products({
          filters: { q: "tra" },
          search_options: {
            facets: ["province", "cooperative_id", "certificate_types", { field: "ocop_stars", type: "value" },
              { field: "min_price", type: "range", ranges: [{ key: "under-100k", to: 100000 }, { key: "100k-up", from: 100000 }] }],
          },
        })
        expect(faceted.facets.province.values).toEqual(expect.arrayContaining([{ value: "Phú Thọ", count: expect.any(Number) }]))
        expect(faceted.facets.cooperative_id.values.length).toBeGreaterThan(0)
        expect(faceted.facets.min_price.ranges.map((r: any) => r.key)).toEqual(["under-100k", "100k-up"])
      })

      it("keeps sibling facet values with disjunctive facets, in one batched request", async () => {
        const { data } = await search({
          queries: [
            { entity: "product", filters: { province: "Huế" }, search_options: { facets: ["province"], disjunctive_facets: true } },
            { entity: "cooperative", filters: { q: "thanh nam" } },
          ],
        })
        expect(data.results[0].metadata.count).toBe(5)
        expect(data.results[0].facets.province.values).toEqual(expect.arrayContaining([{ value: "Phú Thọ", count: 8 }, { value: "Huế", count: 5 }]))
        expect(data.results[1].hits[0].document.handle).toBe("htx-che-thanh-nam")
      })
    })

    describe("bad input answers 400 with a stable code", () => {
      const cases: [string, any, string][] = [
        ["an unknown sort field", { entity: "product", pagination: { order: { popularity: "DESC" } } }, "unknown_field"],
        ["a sort on a field that is not sortable", { entity: "product", pagination: { order: { title: "ASC" } } }, "field_not_sortable"],
        ["a negative price", { entity: "product", filters: { min_price: { $gte: -1 } } }, "invalid_filter_value"],
        ["a price that is not a number", { entity: "product", filters: { max_price: { $lte: "cheap" } } }, "invalid_filter_value"],
        ["a page size above 100", { entity: "product", pagination: { take: 101 } }, "invalid_request"],
        ["a 2,000-character query", { entity: "product", filters: { q: "trà ".repeat(500) } }, "query_too_long"],
        ["a filter on a field that is not filterable", { entity: "product", filters: { title: "Trà xanh" } }, "field_not_filterable"],
        ["a filter on an unknown field", { entity: "product", filters: { price: 1 } }, "unknown_field"],
        ["a facet on a field that has none", { entity: "product", search_options: { facets: ["title"] } }, "field_not_facetable"],
        ["an unknown option", { entity: "product", search_options: { boost: 2 } }, "invalid_request"],
        ["highlighting", { entity: "product", filters: { q: "tra" }, search_options: { highlight: true } }, "unsupported_option"],
        ["a bad query inside a batch", { queries: [{ entity: "product" }, { entity: "product", pagination: { skip: -1 } }] }, "invalid_request"],
      ]
      it.each(cases)("%s", async (_what, body, code) => {
        const res = await search(body)
        expect(res.status).toBe(400)
        expect(res.data.code).toBe(code)
      })
    })

    describe("ingestion follows the catalog", () => {
      it("a change, a price, stock, an unpublish and a suspension each reach search", async () => {
        const admin = await adminToken(api)
        const token = await demoVendorToken(api, "htx-che-da-hen")
        const created = await call(api.post("/vendor/products", {
          title: "Chè vàng Mộc Châu",
          description: "Búp chè hái sớm",
          variants: [{ title: "Gói 100g", price: 40000, weight: 110 }],
        }, bearer(token)))
        expect(created.status).toBe(201)
        const product = created.data.product
        expect(await titles("che vang")).not.toContain("Chè vàng Mộc Châu")

        expect((await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))).status).toBe(200)
        await eventually(async () => expect(await titles("che vang")).toContain("Chè vàng Mộc Châu"))

        // Content edits of a live product wait for the union; what it publishes reaches search.
        const approve = async () => expect((await call(api.post(`/admin/products/${product.id}/publish`, {}, bearer(admin)))).status).toBe(200)
        // A title match ranks above a description match.
        await call(api.post(`/vendor/products/${product.id}`, { description: "Hương như trà móc câu" }, bearer(token)))
        await approve()
        await eventually(async () => {
          const ranked = await titles("moc cau")
          expect(ranked.indexOf("Trà móc câu Đá Hen")).toBe(0)
          expect(ranked).toContain("Chè vàng Mộc Châu")
        })

        await call(api.post(`/vendor/products/${product.id}`, { title: "Chè vàng Tân Cương" }, bearer(token)))
        expect(await titles("tan cuong")).not.toContain("Chè vàng Tân Cương")
        await approve()
        await eventually(async () => {
          expect(await titles("tan cuong")).toContain("Chè vàng Tân Cương")
          expect(await titles("che vang moc chau")).not.toContain("Chè vàng Mộc Châu")
        })

        const variant = product.variants[0]
        await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, { price: 45000 }, bearer(token)))
        await eventually(async () => {
          const [hit] = (await products({ filters: { id: product.id } })).hits
          expect(hit.document.min_price).toBe(45000)
        })

        const inventory = await call(api.get("/vendor/inventory", bearer(token)))
        const item = inventory.data.inventory.find((i: any) => i.product_id === product.id)
        const [before] = (await products({ filters: { id: product.id } })).hits
        expect(before.document.in_stock).toBe(false)
        await call(api.post(`/vendor/inventory/${item.inventory_item_id}`, { stocked_quantity: 12 }, bearer(token)))
        await eventually(async () => {
          expect((await products({ filters: { id: product.id } })).hits[0].document.in_stock).toBe(true)
        })

        await call(api.post(`/vendor/products/${product.id}`, { status: "draft" }, bearer(token)))
        await eventually(async () => expect((await products({ filters: { id: product.id } })).hits).toHaveLength(0))

        const dahen = (await products({ filters: { cooperative_handle: "htx-che-da-hen" } })).hits[0].document.cooperative_id
        expect((await call(api.post(`/admin/cooperatives/${dahen}/suspend`, { reason: "Kiểm tra chất lượng" }, bearer(admin)))).status).toBe(200)
        await eventually(async () => {
          expect((await products({ filters: { cooperative_id: dahen } })).metadata.count).toBe(0)
          expect((await titles("da hen")).filter((t) => t.includes("Đá Hen"))).toEqual([])
          const coops = await search({ entity: "cooperative", filters: { q: "da hen" } })
          expect(coops.data.results[0].hits.map((h: any) => h.document.handle)).not.toContain("htx-che-da-hen")
        })
        await call(api.post(`/admin/cooperatives/${dahen}/reinstate`, { reason: "Đạt" }, bearer(admin)))
        await eventually(async () => expect((await products({ filters: { cooperative_id: dahen } })).metadata.count).toBe(2))
      })

      it("a verified rating reaches search, and a revoked one leaves it", async () => {
        const admin = await adminToken(api)
        const queue = (await call(api.get("/admin/ocop-ratings?status=submitted", bearer(admin)))).data.ocop_ratings
        const daHen = queue.find((r: any) => r.product.title === "Chè búp Đá Hen")
        const fourStars = async () => (await products({ filters: { ocop_stars: { $gte: 4 } } })).hits.map((h: any) => h.document.title)
        expect(await fourStars()).toEqual([])

        expect((await call(api.post(`/admin/ocop-ratings/${daHen.id}/verify`, {}, bearer(admin)))).status).toBe(200)
        await eventually(async () => expect(await fourStars()).toEqual(["Chè búp Đá Hen"]))
        const byStars = await products({ pagination: { take: 3, order: { ocop_stars: "DESC" } } })
        expect(byStars.hits[0].document).toMatchObject({ title: "Chè búp Đá Hen", ocop_stars: 4 })

        const revoked = await call(api.post(`/admin/ocop-ratings/${daHen.id}/revoke`, { note: "Thu hồi" }, bearer(admin)))
        expect(revoked.status).toBe(200)
        await eventually(async () => expect(await fourStars()).toEqual([]))
      })
    })

    describe("the publishable key cache (PUBLISHABLE_KEY_CACHE_MS)", () => {
      const ttl = 4000
      let saved: string | undefined
      beforeAll(() => {
        saved = process.env.PUBLISHABLE_KEY_CACHE_MS
        process.env.PUBLISHABLE_KEY_CACHE_MS = String(ttl)
      })
      afterAll(() => {
        if (saved === undefined) delete process.env.PUBLISHABLE_KEY_CACHE_MS
        else process.env.PUBLISHABLE_KEY_CACHE_MS = saved
      })

      it("sits in front of Medusa's middleware", () => {
        expect(publishableKeyCacheInstalled()).toBe(true)
      })

      it("stops answering a revoked key, then a deleted one, within its lifetime, and never caches a refusal", async () => {
        const admin = await adminToken(api)
        const created = await call(api.post("/admin/api-keys", { title: "Cache test", type: "publishable" }, bearer(admin)))
        expect(created.status).toBe(200)
        const key = created.data.api_key
        expect((await call(api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [salesChannel] }, bearer(admin)))).status).toBe(200)
        const ask = () => call(api.post("/store/search", { entity: "product", pagination: { take: 1 } }, storeHeaders(key.token)))
        expect((await ask()).status).toBe(200)

        expect((await call(api.post(`/admin/api-keys/${key.id}/revoke`, {}, bearer(admin)))).status).toBe(200)
        const revokedAt = Date.now()
        // Answered from memory for at most the cache lifetime (this is what saves the lookups)…
        expect((await ask()).status).toBe(200)
        // …then refused, and the refusal is not cached.
        await eventually(async () => expect((await ask()).status).toBe(400), ttl + 5000)
        expect(Date.now() - revokedAt).toBeLessThan(ttl + 5000)
        expect((await ask()).status).toBe(400)

        expect((await call(api.delete(`/admin/api-keys/${key.id}`, bearer(admin)))).status).toBe(200)
        expect((await ask()).status).toBe(400)
        expect((await call(api.post("/store/search", { entity: "product" }, storeHeaders("pk_unknown")))).status).toBe(400)
      })
    })
  },
})
