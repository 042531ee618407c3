import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { readdirSync } from "fs"
import path from "path"
import { DEMO_COOPERATIVES } from "../../src/scripts/demo-catalog"
import { call, logins, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

const backendUrl = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/+$/, "")
const pendingHandles = new Set(logins.cooperatives.filter((c: any) => c.pending).map((c) => c.handle))
const sellingCooperatives = DEMO_COOPERATIVES.filter((c) => !pendingHandles.has(c.handle))
const demoFiles = () => readdirSync(path.resolve(process.cwd(), "static/demo")).sort()

// The demo as a storefront on another origin shows it: every product with a picture it can load,
// prices in whole đồng and the cooperative that sells it, asked through Medusa's own `fields`.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: ReturnType<typeof storeHeaders>
    let regionId: string

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      store = storeHeaders(seeded.publishableKey)
      regionId = seeded.regionId
    })

    /** Fetches a picture by its public URL through the server under test (the URL's host is MEDUSA_BACKEND_URL). */
    async function expectPicture(url: string) {
      expect(url.startsWith(`${backendUrl}/static/demo/`)).toBe(true)
      const res = await call(api.get(new URL(url).pathname, { responseType: "arraybuffer" }))
      expect(res.status).toBe(200)
      const bytes = Buffer.from(res.data)
      const headers = (await api.get(new URL(url).pathname, { responseType: "arraybuffer" })).headers
      expect(headers["content-type"]).toBe("image/webp")
      expect(headers["content-disposition"]).toBe("inline")
      // An <img> on the storefront's origin must not be refused by the browser.
      expect(headers["cross-origin-resource-policy"] ?? "cross-origin").toBe("cross-origin")
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF")
      expect(bytes.subarray(8, 12).toString("latin1")).toBe("WEBP")
      expect(bytes.length).toBeGreaterThan(5_000)
      expect(bytes.length).toBeLessThanOrEqual(40_000)
    }

    it("every demo product in GET /store/products has a loadable picture, whole-đồng prices and its cooperative's name", async () => {
      const fields = "id,title,handle,thumbnail,*images,*variants,variants.calculated_price,cooperative.name,cooperative.handle"
      const { status, data } = await call(api.get(`/store/products?limit=100&region_id=${regionId}&fields=${fields}`, store))
      expect(status).toBe(200)
      const expected = sellingCooperatives.flatMap((c) => c.products.map((p) => ({ cooperative: c, product: p })))
      expect(data.products).toHaveLength(expected.length)
      const thumbnails = new Set<string>()
      for (const { cooperative, product } of expected) {
        const found = data.products.find((p: any) => p.title === product.title)
        expect(found).toBeDefined()
        expect(found.cooperative).toEqual(expect.objectContaining({ handle: cooperative.handle, name: cooperative.profile.name }))
        expect(found.thumbnail).toBeTruthy()
        expect(found.images.map((i: any) => i.url)).toEqual([found.thumbnail])
        await expectPicture(found.thumbnail)
        thumbnails.add(found.thumbnail)
        for (const variant of product.variants) {
          const shown = found.variants.find((v: any) => v.sku === variant.sku)
          expect(shown.calculated_price.currency_code).toBe("vnd")
          expect(shown.calculated_price.calculated_amount).toBe(variant.price)
          expect(Number.isInteger(shown.calculated_price.calculated_amount)).toBe(true)
        }
      }
      // One picture per product, not one placeholder for all.
      expect(thumbnails.size).toBe(expected.length)
    })

    it("every cooperative in the store directory has a loadable logo", async () => {
      const { data } = await call(api.get("/store/cooperatives?limit=50", store))
      expect(data.cooperatives.map((c: any) => c.handle).sort()).toEqual(sellingCooperatives.map((c) => c.handle).sort())
      for (const cooperative of data.cooperatives) await expectPicture(cooperative.logo_url)
    })

    it("seeding again copies no file twice, changes no URL and leaves a cooperative's own picture alone", async () => {
      const container = getContainer()
      const products = container.resolve(Modules.PRODUCT)
      const [tea] = await products.listProducts({ title: "Trà xanh Thanh Nam" }, { relations: ["images"] })
      const own = "https://cdn.example.vn/thanh-nam/tra-xanh.jpg"
      await products.updateProducts(tea.id, { thumbnail: own, images: [{ url: own }] })
      const before = await products.listProducts({}, { select: ["id", "thumbnail"] })
      const filesBefore = demoFiles()

      await seedMarketplace(container)
      await seedMarketplace(container)

      expect(demoFiles()).toEqual(filesBefore)
      const after = await products.listProducts({}, { select: ["id", "thumbnail"] })
      expect(after.map((p) => [p.id, p.thumbnail]).sort()).toEqual(before.map((p) => [p.id, p.thumbnail]).sort())
      const [teaAfter] = await products.listProducts({ id: tea.id }, { relations: ["images"] })
      expect(teaAfter.thumbnail).toBe(own)
      expect(teaAfter.images.map((i) => i.url)).toEqual([own])
    })
  },
})
