import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import QRCode from "qrcode"
import { TRACEABILITY_MODULE } from "../../src/modules/traceability"
import { bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

// Read by the app when it boots in this process.
process.env.PUBLIC_TRACE_URL = "https://truyxuat.example.vn/"
process.env.TRACE_SCAN_FLUSH_MS = "200"
process.env.STOREFRONT_URL = "https://cho.example.vn"

const HOST = "https://truyxuat.example.vn"
const CODE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/

function decodePng(buffer: Buffer): string | null {
  const png = PNG.sync.read(buffer)
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

const step = (type: string, occurred_at: string, extra: Record<string, unknown> = {}) => ({ type, occurred_at, ...extra })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let dafusa: string
    let dahen: string
    let store: { headers: Record<string, string> }
    let variantId: string
    let productHandle: string
    let productTitle: string

    beforeAll(async () => {
      const { publishableKey } = await seedMarketplace(getContainer())
      store = storeHeaders(publishableKey)
    })
    beforeEach(async () => {
      dafusa = await demoVendorToken(api, "dafusa-phu-da")
      dahen = await demoVendorToken(api, "htx-che-da-hen")
      const product = (await api.get("/vendor/products?limit=1&status=published", bearer(dafusa))).data.products[0]
      variantId = product.variants[0].id
      productHandle = product.handle
      productTitle = product.title
    })

    async function createLot(token: string, body: Record<string, unknown> = {}) {
      const res = await call(api.post("/vendor/lots", { variant_id: variantId, quantity: 100, unit: "chai", harvested_on: "2026-10-01", packed_on: "2026-10-20", best_before: "2027-10-20", origin_area: "Cánh đồng Viễn Trình", origin_ward: "Xã Phú Vang", origin_province: "hue", ...body }, bearer(token)))
      expect(res.status).toBe(201)
      return res.data.lot
    }

    async function publishedLot(events: Record<string, unknown>[] = [step("harvest", "2026-10-01T07:00:00+07:00")]) {
      const lot = await createLot(dafusa)
      for (const e of events) expect((await call(api.post(`/vendor/lots/${lot.id}/events`, e, bearer(dafusa)))).status).toBe(201)
      expect((await call(api.post(`/vendor/lots/${lot.id}/publish`, {}, bearer(dafusa)))).status).toBe(200)
      return lot
    }

    it("a lot goes from draft to published; its page is public only once published", async () => {
      const lot = await createLot(dafusa)
      expect(lot).toMatchObject({ status: "draft", variant_id: variantId, origin_province: "Huế", scan_count: 0 })
      expect(lot.code).toMatch(CODE)
      expect(lot.lot_number).toBe(lot.code)
      expect(lot.links.trace_url).toBe(`${HOST}/t/${lot.code}`)

      expect((await call(api.get(`/t/${lot.code}`))).status).toBe(404)
      expect((await call(api.post(`/vendor/lots/${lot.id}/publish`, {}, bearer(dafusa)))).data.code).toBe("lot_has_no_events")

      const edited = await call(api.post(`/vendor/lots/${lot.id}`, { quantity: 120, lot_number: "DP-2610" }, bearer(dafusa)))
      expect(edited.status).toBe(200)
      expect(edited.data.lot).toMatchObject({ quantity: 120, lot_number: "DP-2610" })

      const planting = (await api.post(`/vendor/lots/${lot.id}/events`, step("planting", "2026-06-01T07:00:00+07:00", { description: "Gieo lạc" }), bearer(dafusa))).data.event
      const typo = (await api.post(`/vendor/lots/${lot.id}/events`, step("spraying", "2026-08-01T07:00:00+07:00"), bearer(dafusa))).data.event
      // While draft, events can be edited and deleted.
      expect((await call(api.post(`/vendor/lots/${lot.id}/events/${planting.id}`, { description: "Gieo lạc giống L14" }, bearer(dafusa)))).status).toBe(200)
      expect((await call(api.delete(`/vendor/lots/${lot.id}/events/${typo.id}`, bearer(dafusa)))).status).toBe(200)
      await api.post(`/vendor/lots/${lot.id}/events`, step("harvest", "2026-10-01T07:00:00+07:00"), bearer(dafusa))

      const published = await call(api.post(`/vendor/lots/${lot.id}/publish`, {}, bearer(dafusa)))
      expect(published.status).toBe(200)
      expect(published.data.lot.status).toBe("published")
      expect(published.data.lot.published_at).toBeTruthy()
      expect((await call(api.post(`/vendor/lots/${lot.id}/publish`, {}, bearer(dafusa)))).data.code).toBe("lot_already_published")

      const detail = (await api.get(`/vendor/lots/${lot.id}`, bearer(dafusa))).data.lot
      expect(detail.events.map((e: any) => e.type)).toEqual(["planting", "harvest"])
      expect(detail.events[0].description).toBe("Gieo lạc giống L14")

      const list = (await api.get("/vendor/lots?status=published&q=DP-2610", bearer(dafusa))).data
      expect(list.lots.map((l: any) => l.id)).toEqual([lot.id])

      const page = await call(api.get(`/t/${lot.code.toLowerCase()}`))
      expect(page.status).toBe(200)
      expect(page.data).toContain("Gieo lạc giống L14")
    })

    it("after publishing, details are fixed and events append-only: a correction is a new event", async () => {
      const lot = await publishedLot([step("planting", "2026-06-01T07:00:00+07:00"), step("fertilising", "2026-07-01T07:00:00+07:00", { description: "Bón 50 kg phân chuồng" })])
      const [, fertilising] = (await api.get(`/vendor/lots/${lot.id}`, bearer(dafusa))).data.lot.events

      expect((await call(api.post(`/vendor/lots/${lot.id}`, { quantity: 1 }, bearer(dafusa)))).data.code).toBe("lot_published")
      expect((await call(api.delete(`/vendor/lots/${lot.id}`, bearer(dafusa)))).data.code).toBe("lot_published")
      const edit = await call(api.post(`/vendor/lots/${lot.id}/events/${fertilising.id}`, { description: "500 kg" }, bearer(dafusa)))
      expect({ status: edit.status, code: edit.data.code }).toEqual({ status: 409, code: "lot_events_append_only" })
      const remove = await call(api.delete(`/vendor/lots/${lot.id}/events/${fertilising.id}`, bearer(dafusa)))
      expect({ status: remove.status, code: remove.data.code }).toEqual({ status: 409, code: "lot_events_append_only" })

      const correction = await call(api.post(`/vendor/lots/${lot.id}/events`, step("fertilising", "2026-07-01T07:00:00+07:00", { description: "Đính chính: 500 kg phân chuồng", corrects_event_id: fertilising.id }), bearer(dafusa)))
      expect(correction.status).toBe(201)
      expect(correction.data.event.corrects_event_id).toBe(fertilising.id)
      const bad = await call(api.post(`/vendor/lots/${lot.id}/events`, step("other", "2026-07-02T07:00:00+07:00", { corrects_event_id: "trev_01UNKNOWN" }), bearer(dafusa)))
      expect({ status: bad.status, code: bad.data.code }).toEqual({ status: 400, code: "invalid_request" })

      const events = (await api.get(`/vendor/lots/${lot.id}`, bearer(dafusa))).data.lot.events
      expect(events).toHaveLength(3)
      expect(events.find((e: any) => e.id === fertilising.id).description).toBe("Bón 50 kg phân chuồng")

      // The page was cached before the correction; the write in this process drops it.
      const page = (await api.get(`/t/${lot.code}`)).data
      expect(page).toContain("Đính chính: 500 kg phân chuồng")
      expect(page).toContain("Bước này đã được đính chính")
    })

    it("refuses bad input with 400 and a taken lot number with 409", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ harvested_on: "2026-02-30" }, "harvested_on"],
        [{ harvested_on: "2026-10-05", packed_on: "2026-10-01" }, "packed_on"],
        [{ origin_province: "Hà Tây" }, "origin_province"],
        [{ lot_number: "lô/1" }, "lot_number"],
        [{ lot_number: "A".repeat(21) }, "lot_number"],
        [{ quantity: -1 }, "quantity"],
        [{ cooperative_id: "coop_x" }, "body"],
      ]
      for (const [body, path] of cases) {
        const res = await call(api.post("/vendor/lots", { variant_id: variantId, ...body }, bearer(dafusa)))
        expect({ body, status: res.status, code: res.data.code, paths: res.data.errors?.map((e: any) => e.path) }).toEqual({
          body, status: 400, code: "invalid_request", paths: expect.arrayContaining([path]),
        })
      }
      const lot = await createLot(dafusa, { lot_number: "L-01" })
      const again = await call(api.post("/vendor/lots", { variant_id: variantId, lot_number: "L-01" }, bearer(dafusa)))
      expect({ status: again.status, code: again.data.code }).toEqual({ status: 409, code: "lot_number_taken" })
      const badEvent = await call(api.post(`/vendor/lots/${lot.id}/events`, { type: "harvest", occurred_at: "hôm qua" }, bearer(dafusa)))
      expect(badEvent.status).toBe(400)
      const badType = await call(api.post(`/vendor/lots/${lot.id}/events`, { type: "dancing", occurred_at: "2026-10-01T07:00:00Z" }, bearer(dafusa)))
      expect(badType.status).toBe(400)
    })

    it("another cooperative's lot answers 404, and its variants cannot carry our lots", async () => {
      const lot = await publishedLot()
      for (const res of [
        await call(api.get(`/vendor/lots/${lot.id}`, bearer(dahen))),
        await call(api.get(`/vendor/lots/${lot.id}/qr`, bearer(dahen))),
        await call(api.post(`/vendor/lots/${lot.id}/events`, step("other", "2026-10-02T07:00:00Z"), bearer(dahen))),
      ]) {
        expect({ status: res.status, code: res.data.code }).toEqual({ status: 404, code: "not_found" })
      }
      const foreignVariant = await call(api.post("/vendor/lots", { variant_id: variantId }, bearer(dahen)))
      expect({ status: foreignVariant.status, code: foreignVariant.data.code }).toEqual({ status: 404, code: "not_found" })
      expect((await api.get("/vendor/lots?limit=100", bearer(dahen))).data.lots.map((l: any) => l.id)).not.toContain(lot.id)
    })

    it("the QR code encodes /t/{code} without a GTIN and the GS1 Digital Link with one, as SVG and PNG", async () => {
      const lot = await createLot(dafusa)
      const short = `${HOST}/t/${lot.code}`
      const svg = await call(api.get(`/vendor/lots/${lot.id}/qr?format=svg`, bearer(dafusa)))
      expect(svg.status).toBe(200)
      expect(svg.data).toMatch(/^<svg /)
      expect((await call(api.get(`/vendor/lots/${lot.id}/qr`, bearer(dafusa)))).data).toBe(svg.data)
      expect(svg.data).toBe(await QRCode.toString(short, { type: "svg", errorCorrectionLevel: "M", margin: 4 }))
      const png = await call(api.get(`/vendor/lots/${lot.id}/qr?format=png&size=300`, { ...bearer(dafusa), responseType: "arraybuffer" }))
      expect(png.status).toBe(200)
      expect(decodePng(Buffer.from(png.data))).toBe(short)
      expect((await call(api.get(`/vendor/lots/${lot.id}/qr?format=gif`, bearer(dafusa)))).status).toBe(400)

      // Thanh Nam's demo lot: the variant carries GTIN-13 8938607120017.
      const thanhNam = await demoVendorToken(api, "htx-che-thanh-nam")
      const [demoLot] = (await api.get("/vendor/lots", bearer(thanhNam))).data.lots
      const gs1 = `${HOST}/01/8938607120017/10/TN2611-01`
      expect(demoLot.links.digital_link).toBe(gs1)
      const demoSvg = await api.get(`/vendor/lots/${demoLot.id}/qr?format=svg`, bearer(thanhNam))
      expect(demoSvg.headers["content-type"]).toBe("image/svg+xml; charset=utf-8")
      expect(demoSvg.headers["x-qr-content"]).toBe(gs1)
      expect(demoSvg.data).toBe(await QRCode.toString(gs1, { type: "svg", errorCorrectionLevel: "M", margin: 4 }))
      const demoPng = await api.get(`/vendor/lots/${demoLot.id}/qr?format=png`, { ...bearer(thanhNam), responseType: "arraybuffer" })
      expect(demoPng.headers["content-type"]).toBe("image/png")
      expect(demoPng.headers["x-qr-content"]).toBe(gs1)
      expect(decodePng(Buffer.from(demoPng.data))).toBe(gs1)
    })

    it("a GS1 Digital Link resolves to the same page as the short link, in every GTIN length", async () => {
      const thanhNam = await demoVendorToken(api, "htx-che-thanh-nam")
      const [demoLot] = (await api.get("/vendor/lots", bearer(thanhNam))).data.lots
      const short = await api.get(`/t/${demoLot.code}`)
      expect(short.headers["content-type"]).toBe("text/html; charset=utf-8")
      expect(short.data).toContain("Trà xanh Thanh Nam")
      for (const gtin of ["8938607120017", "08938607120017"]) {
        const res = await call(api.get(`/01/${gtin}/10/TN2611-01`))
        expect({ gtin, status: res.status }).toEqual({ gtin, status: 200 })
        expect(res.data).toBe(short.data)
      }
      expect((await call(api.get("/01/8938607120017/10/TN2611-01?17=271120"))).status).toBe(200)
      for (const path of ["/01/8938607120018/10/TN2611-01", "/01/8938607120017/10/TN2611-02", "/01/893/10/TN2611-01"]) {
        const res = await call(api.get(path))
        expect({ path, status: res.status }).toEqual({ path, status: 404 })
        expect(res.data).toContain("Không tìm thấy mã truy xuất")
      }
    })

    it("the page shows product, cooperative, dates, timeline, contact and a buy link, as HTML and as JSON", async () => {
      const lot = await publishedLot([
        step("harvest", "2026-10-01T00:30:00Z", { title: "Thu hoạch", description: "Nhổ lạc" }),
        step("planting", "2026-06-01T07:00:00+07:00", { attachments: [{ url: "https://cdn.example.vn/nhat-ky.pdf", name: "Nhật ký đồng ruộng" }] }),
      ])
      const page = await api.get(`/t/${lot.code}`)
      const html: string = page.data
      expect(html).toContain('<html lang="vi">')
      expect(html).toContain(`<h1>${productTitle}</h1>`)
      expect(html).toContain("HTX Dafusa Phú Đa")
      expect(html).toContain('href="tel:02343860123"')
      expect(html).toContain("mailto:dafusa@coopstall.vn")
      expect(html).toContain("20/10/2026") // packed_on
      expect(html).toContain("01/10/2026 07:30") // occurred_at in Vietnam time
      expect(html.indexOf("Gieo trồng")).toBeLessThan(html.indexOf("Thu hoạch: ")) // timeline in order of occurrence
      expect(html).toContain(`href="https://cho.example.vn/products/${productHandle}"`)
      expect(html).not.toMatch(/<script/i)

      const json = await call(api.get(`/store/trace/${lot.code}`, store))
      expect(json.status).toBe(200)
      expect(json.data.trace).toMatchObject({
        code: lot.code,
        product: { handle: productHandle },
        cooperative: { name: "HTX Dafusa Phú Đa", phone: "0234 3860 123" },
        lot: { packed_on: "2026-10-20", origin: { province: "Huế" } },
        on_sale: true,
        buy_url: `https://cho.example.vn/products/${productHandle}`,
        ocop_rating: null,
        certificates: [],
      })
      expect(json.data.trace.events.map((e: any) => e.type)).toEqual(["planting", "harvest"])
      expect((await call(api.get(`/store/trace/${lot.code}`))).status).toBe(400) // no publishable key
      const unknown = await call(api.get("/store/trace/ABCDEFGHJK", store))
      expect({ status: unknown.status, code: unknown.data.code }).toEqual({ status: 404, code: "not_found" })
    })

    it("everything a cooperative typed stays text on the page", async () => {
      const lot = await publishedLot([
        step("processing", "2026-10-02T07:00:00+07:00", {
          title: `<img src=x onerror="alert(1)">`,
          description: `<script>alert("xss")</script> & "trích dẫn"`,
          attachments: [{ url: "https://cdn.example.vn/a.pdf?x=<b>", name: "<b>in đậm</b>" }],
        }),
      ])
      await api.post(`/vendor/lots/${lot.id}/events`, step("other", "2026-10-03T07:00:00+07:00", { attachments: [{ url: "javascript:alert(1)", name: "bấm vào" }] }), bearer(dafusa)).catch(() => {})
      const html: string = (await api.get(`/t/${lot.code}`)).data
      expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot;")
      expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
      expect(html).toContain("&lt;b&gt;in đậm&lt;/b&gt;")
      expect(html).not.toMatch(/<script|<img src=x|<b>|javascript:/i)
    })

    it("an unknown code answers a Vietnamese 404 page", async () => {
      for (const path of ["/t/ABCDEFGHJK", "/t/not-a-code", "/t/%3Cscript%3E"]) {
        const res = await call(api.get(path))
        expect({ path, status: res.status }).toEqual({ path, status: 404 })
        expect(res.data).toContain("Không tìm thấy mã truy xuất")
        expect(res.data).not.toContain("<script>")
      }
    })

    it("counts scans in memory and writes them in one batch, once per visitor", async () => {
      const lot = await publishedLot()
      // Three visitors (user agents), the first one scanning three times: three scans.
      for (const ua of ["a", "a", "b", "a", "c"]) {
        expect((await call(api.get(`/t/${lot.code}`, { headers: { "user-agent": `phone-${ua}` } }))).status).toBe(200)
      }
      await api.get(`/store/trace/${lot.code}`, store) // the JSON is not a scan
      const deadline = Date.now() + 10_000
      let seen: any
      do {
        await new Promise((r) => setTimeout(r, 250))
        seen = (await api.get(`/vendor/lots/${lot.id}`, bearer(dafusa))).data.lot
      } while (seen.scan_count < 3 && Date.now() < deadline)
      expect(seen.scan_count).toBe(3)
      expect(seen.last_scanned_at).toBeTruthy()
      expect((getContainer().resolve(TRACEABILITY_MODULE) as any).pendingScanCount(lot.id)).toBe(0)
    })

    it("a lot may only be deleted while draft, and only a variant of the caller's own products", async () => {
      const lot = await createLot(dafusa)
      expect((await call(api.delete(`/vendor/lots/${lot.id}`, bearer(dafusa)))).status).toBe(200)
      expect((await call(api.get(`/vendor/lots/${lot.id}`, bearer(dafusa)))).status).toBe(404)
    })
  },
})
