import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createOrderFulfillmentWorkflow, markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import escapeHtml from "escape-html"
import { adminToken, Api, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

const SCRIPT = `<script>alert("xss")</script><img src=x onerror=alert(1)> Chè ngon & thơm`

/** A shopper account: register, create the customer, sign in again (Medusa's customer flow). */
async function customer(api: Api, store: any, email: string, first_name: string, last_name: string) {
  const registration = (await api.post("/auth/customer/emailpass/register", { email, password: "mat-khau-1" })).data.token
  await api.post("/store/customers", { email, first_name, last_name }, { headers: { ...store.headers, authorization: `Bearer ${registration}` } })
  const token = (await api.post("/auth/customer/emailpass", { email, password: "mat-khau-1" })).data.token
  return { headers: { ...store.headers, authorization: `Bearer ${token}` } }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let minh: { headers: Record<string, string> }
    let lan: { headers: Record<string, string> }
    let order: any
    let greenTea: string
    let shanTea: string
    let daHenTea: string
    let thanhNamId: string
    let admin: string

    /** Cart → cash on delivery → order, through the store API as the signed-in customer. */
    async function placeOrder(who: { headers: Record<string, string> }, regionId: string, variantIds: string[]) {
      let cart = (await api.post("/store/carts", { region_id: regionId }, who)).data.cart
      for (const variant_id of variantIds) cart = (await api.post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 }, who)).data.cart
      cart = (await api.post(`/store/carts/${cart.id}`, {
        shipping_address: { first_name: "Minh", last_name: "Nguyễn", address_1: "12 Lê Lợi", city: "Huế", country_code: "vn", phone: "0905123456" },
      }, who)).data.cart
      const options = (await api.get(`/store/shipping-options?cart_id=${cart.id}`, who)).data.shipping_options
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options.find((o: any) => o.name.includes("Thanh Nam")).id }, who)
      const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, who)).data.payment_collection
      await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, who)
      const completed = (await api.post(`/store/carts/${cart.id}/complete`, {}, who)).data
      expect(completed.type).toBe("order")
      return completed.order
    }

    async function fulfil(orderId: string, items: any[], delivered: boolean) {
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(getContainer()).run({
        input: { order_id: orderId, items: items.map((i) => ({ id: i.id, quantity: i.quantity })) },
      })
      if (delivered) await markOrderFulfillmentAsDeliveredWorkflow(getContainer()).run({ input: { orderId, fulfillmentId: fulfillment.id } })
    }

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      store = storeHeaders(seeded.publishableKey)
      minh = await customer(api, store, "minh@example.vn", "Minh", "Nguyễn")
      lan = await customer(api, store, "lan@example.vn", "Lan", "Trần")
      const { products } = (await api.get("/store/products?limit=50&fields=id,title,*variants", store)).data
      const byTitle = (t: string) => products.find((p: any) => p.title === t)
      greenTea = byTitle("Trà xanh Thanh Nam").id
      shanTea = byTitle("Chè Shan tuyết Thanh Nam").id
      daHenTea = byTitle("Chè búp Đá Hen").id
      order = await placeOrder(minh, seeded.regionId, [byTitle("Trà xanh Thanh Nam").variants[0].id, byTitle("Chè Shan tuyết Thanh Nam").variants[0].id])
      // Two parcels: the green tea arrived, the Shan tuyết is still on its way.
      const item = (productId: string) => order.items.find((i: any) => i.product_id === productId)
      await fulfil(order.id, [item(greenTea)], true)
      await fulfil(order.id, [item(shanTea)], false)
      const adminTok = (await api.post("/auth/user/emailpass", { email: "admin@coopstall.vn", password: "coopstall-admin" })).data.token
      thanhNamId = (await api.get("/admin/cooperatives?q=thanh-nam", bearer(adminTok))).data.cooperatives[0].id
    })
    beforeEach(async () => {
      admin = await adminToken(api)
    })

    const review = (body: Record<string, unknown>, who = minh) =>
      call(api.post("/store/reviews", { order_id: order.id, rating: 5, title: "Trà thơm", body: "Nước xanh, vị ngọt hậu.", ...body }, who))
    const moderate = (id: string, action: string, body: any = {}, token = admin) => call(api.post(`/admin/reviews/${id}/${action}`, body, bearer(token)))

    it("a buyer reviews a delivered product; it waits for moderation and shows only once published, with the summary", async () => {
      const created = await review({ product_id: greenTea, rating: 4, photo_urls: ["https://anh.example.vn/tra.jpg"] })
      expect(created.status).toBe(201)
      expect(created.data.review).toMatchObject({ status: "pending", rating: 4, product_id: greenTea, cooperative_id: thanhNamId, author_name: "Minh N.", photo_urls: ["https://anh.example.vn/tra.jpg"] })

      const before = (await call(api.get(`/store/products/${greenTea}/reviews`, store))).data
      expect(before).toMatchObject({ reviews: [], count: 0, summary: { average_rating: null, review_count: 0 } })
      expect((await call(api.get(`/store/products/${greenTea}`, store))).data.product).toMatchObject({ average_rating: null, review_count: 0 })

      const queue = (await call(api.get(`/admin/reviews?status=pending&cooperative_id=${thanhNamId}&stars=4&q=ngọt`, bearer(admin)))).data
      expect(queue.reviews.map((r: any) => r.id)).toEqual([created.data.review.id])
      expect((await call(api.get(`/admin/reviews?status=pending&stars=2`, bearer(admin)))).data.count).toBe(0)

      const published = await moderate(created.data.review.id, "publish")
      expect(published.status).toBe(200)
      expect(published.data.review).toMatchObject({ status: "published" })

      const listing = (await call(api.get(`/store/products/${greenTea}/reviews?limit=10`, store))).data
      expect(listing.count).toBe(1)
      expect(listing.reviews[0]).toMatchObject({ rating: 4, title: "Trà thơm", author_name: "Minh N.", reply: null })
      expect(listing.reviews[0]).not.toHaveProperty("customer_id")
      expect(listing.summary).toEqual({ average_rating: 4, review_count: 1, stars: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 } })
      expect((await call(api.get(`/store/products/${greenTea}`, store))).data.product).toMatchObject({ average_rating: 4, review_count: 1 })
      const inListing = (await call(api.get(`/store/products?limit=50&fields=id`, store))).data.products.find((p: any) => p.id === greenTea)
      expect(inListing).toMatchObject({ average_rating: 4, review_count: 1 })

      // Hidden: gone from the store again.
      expect((await moderate(created.data.review.id, "hide", { reason: "Khiếu nại" })).data.review.status).toBe("hidden")
      expect((await call(api.get(`/store/products/${greenTea}/reviews`, store))).data.count).toBe(0)
      expect((await call(api.get(`/store/products/${greenTea}`, store))).data.product.review_count).toBe(0)
    })

    it("the cooperative is reviewed once per order; its store responses count published reviews only", async () => {
      const first = await review({ cooperative_id: thanhNamId, rating: 5, title: "Giao nhanh" })
      expect(first.status).toBe(201)
      expect(first.data.review).toMatchObject({ subject_type: "cooperative", cooperative_id: thanhNamId, product_id: null })
      const again = await review({ cooperative_id: thanhNamId, rating: 1 })
      expect([again.status, again.data.code]).toEqual([409, "already_reviewed"])

      const stall = async () => (await call(api.get(`/store/cooperatives/htx-che-thanh-nam`, store))).data.cooperative
      expect(await stall()).toMatchObject({ average_rating: null, review_count: 0 })
      await moderate(first.data.review.id, "publish")
      expect(await stall()).toMatchObject({ average_rating: 5, review_count: 1 })
      const directory = (await call(api.get(`/store/cooperatives?province=Phú Thọ`, store))).data.cooperatives
      expect(directory.find((c: any) => c.id === thanhNamId)).toMatchObject({ average_rating: 5, review_count: 1 })
      expect(directory.find((c: any) => c.handle === "htx-che-da-hen")).toMatchObject({ average_rating: null, review_count: 0 })
    })

    it("refuses what was not bought, not delivered, someone else's order, a second review and bad input, each with a code", async () => {
      const cases: [string, Promise<any>, number, string][] = [
        ["not bought", review({ product_id: daHenTea }), 403, "not_purchased"],
        ["cooperative not sold by", review({ cooperative_id: "coop_01UNKNOWN" }), 403, "not_purchased"],
        ["not delivered yet", review({ product_id: shanTea }), 409, "not_delivered"],
        ["someone else's order", review({ product_id: greenTea }, lan), 404, "not_found"],
        ["unknown order", review({ order_id: "order_01UNKNOWN", product_id: greenTea }), 404, "not_found"],
        ["6 stars", review({ product_id: greenTea, rating: 6 }), 400, "invalid_request"],
        ["0 stars", review({ product_id: greenTea, rating: 0 }), 400, "invalid_request"],
        ["both subjects", review({ product_id: greenTea, cooperative_id: thanhNamId }), 400, "invalid_request"],
        ["no subject", review({}), 400, "invalid_request"],
        ["javascript: photo", review({ product_id: greenTea, photo_urls: ["javascript:alert(1)"] }), 400, "invalid_request"],
        ["empty text", review({ product_id: greenTea, body: "  " }), 400, "invalid_request"],
        ["unknown field", review({ product_id: greenTea, status: "published" }), 400, "invalid_request"],
      ]
      for (const [what, promise, status, code] of cases) {
        const res = await promise
        expect({ what, status: res.status, code: res.data?.code }).toEqual({ what, status, code })
      }
      const anonymous = await call(api.post("/store/reviews", { order_id: order.id, product_id: greenTea, rating: 5, title: "x", body: "y" }, store))
      expect(anonymous.status).toBe(401)

      expect((await review({ product_id: greenTea })).status).toBe(201)
      const second = await review({ product_id: greenTea, rating: 1 })
      expect([second.status, second.data.code]).toEqual([409, "already_reviewed"])
    })

    it("the database itself allows one review per order item: simultaneous submissions give one 201 and 409s", async () => {
      const results = await Promise.all([1, 2, 3, 4].map((n) => review({ product_id: greenTea, rating: n })))
      const outcomes = results.map((r) => (r.status === 201 ? "201" : `${r.status} ${r.data?.code}`)).sort()
      expect(outcomes).toEqual(["201", "409 already_reviewed", "409 already_reviewed", "409 already_reviewed"])
      expect((await call(api.get(`/admin/reviews?product_id=${greenTea}`, bearer(admin)))).data.count).toBe(1)
    })

    it("moderation: reject needs a reason, transitions are checked, and a cooperative cannot moderate", async () => {
      const { data } = await review({ product_id: greenTea })
      const id = data.review.id
      expect(await moderate(id, "reject")).toMatchObject({ status: 400, data: { code: "invalid_request" } })
      expect(await moderate(id, "hide")).toMatchObject({ status: 409, data: { code: "invalid_moderation_transition" } })
      expect(await moderate(id, "delete")).toMatchObject({ status: 404, data: { code: "unknown_action" } })
      expect(await moderate("rev_01UNKNOWN", "publish")).toMatchObject({ status: 404, data: { code: "not_found" } })

      const thanhNam = await demoVendorToken(api, "htx-che-thanh-nam")
      for (const action of ["publish", "reject", "hide"]) {
        expect((await moderate(id, action, { reason: "tự duyệt" }, thanhNam)).status).toBe(401)
      }
      expect((await call(api.get("/admin/reviews", bearer(thanhNam)))).status).toBe(401)
      // There is no moderation under /vendor either, and a pending review is invisible to the cooperative.
      expect((await call(api.post(`/vendor/reviews/${id}/publish`, {}, bearer(thanhNam)))).status).toBe(404)
      expect(await call(api.post(`/vendor/reviews/${id}/reply`, { body: "Cảm ơn" }, bearer(thanhNam)))).toMatchObject({ status: 404, data: { code: "not_found" } })
      // A shopper cannot moderate either.
      expect((await call(api.post(`/admin/reviews/${id}/publish`, {}, minh))).status).toBe(401)
      expect((await call(api.get(`/admin/reviews/${id}`, bearer(admin)))).data.review.status).toBe("pending")

      const rejected = await moderate(id, "reject", { reason: "Nội dung quảng cáo" })
      expect(rejected.data.review).toMatchObject({ status: "rejected", moderation_reason: "Nội dung quảng cáo" })
      expect(await moderate(id, "publish")).toMatchObject({ status: 409, data: { code: "invalid_moderation_transition" } })
    })

    it("the cooperative answers a published review once; the answer shows under it; another cooperative cannot", async () => {
      const { data } = await review({ product_id: greenTea })
      const id = data.review.id
      await moderate(id, "publish")
      const thanhNam = await demoVendorToken(api, "htx-che-thanh-nam")
      const daHen = await demoVendorToken(api, "htx-che-da-hen")

      const own = (await call(api.get("/vendor/reviews", bearer(thanhNam)))).data
      expect(own.reviews.map((r: any) => r.id)).toEqual([id])
      expect(own.reviews[0]).not.toHaveProperty("customer_id")
      expect((await call(api.get("/vendor/reviews", bearer(daHen)))).data.reviews).toEqual([])
      expect(await call(api.post(`/vendor/reviews/${id}/reply`, { body: "Chen vào" }, bearer(daHen)))).toMatchObject({ status: 404, data: { code: "not_found" } })

      const reply = await call(api.post(`/vendor/reviews/${id}/reply`, { body: "Cảm ơn anh Minh đã tin dùng!" }, bearer(thanhNam)))
      expect(reply.status).toBe(200)
      expect(reply.data.review.reply).toMatchObject({ body: "Cảm ơn anh Minh đã tin dùng!" })
      expect(await call(api.post(`/vendor/reviews/${id}/reply`, { body: "Lần hai" }, bearer(thanhNam)))).toMatchObject({ status: 409, data: { code: "already_replied" } })
      expect(await call(api.post(`/vendor/reviews/${id}/reply`, {}, bearer(thanhNam)))).toMatchObject({ status: 400, data: { code: "invalid_request" } })

      const shown = (await call(api.get(`/store/products/${greenTea}/reviews`, store))).data.reviews[0]
      expect(shown.reply).toMatchObject({ body: "Cảm ơn anh Minh đã tin dùng!" })
      expect((await call(api.get("/vendor/reviews?replied=false", bearer(thanhNam)))).data.count).toBe(0)
    })

    it("script text in a review is stored and returned as typed, as JSON text, and escapes to inert HTML", async () => {
      const created = await review({ product_id: greenTea, title: SCRIPT, body: SCRIPT })
      expect(created.status).toBe(201)
      await moderate(created.data.review.id, "publish")
      const res = await call(api.get(`/store/products/${greenTea}/reviews`, store))
      expect(res.data.reviews[0].body).toBe(SCRIPT.normalize("NFC"))
      expect(res.data.reviews[0].title).toBe(SCRIPT)
      const raw = await api.get(`/store/products/${greenTea}/reviews`, { ...store, responseType: "text", transformResponse: (x: any) => x })
      expect(raw.headers["content-type"]).toMatch(/^application\/json/)
      // Wherever it is rendered as HTML it goes through an escaper (React in Medusa Admin, escape-html on server pages).
      expect(escapeHtml(res.data.reviews[0].body)).not.toMatch(/<script|<img/)
      const adminView = (await call(api.get(`/admin/reviews?q=${encodeURIComponent("<script>")}`, bearer(admin)))).data
      expect(adminView.reviews.map((r: any) => r.id)).toEqual([created.data.review.id])
    })

    it("the product widget route summarises cooperative, OCOP rating and reviews", async () => {
      const { data } = await review({ product_id: greenTea, rating: 5 })
      await moderate(data.review.id, "publish")
      const widget = (await call(api.get(`/admin/products/${greenTea}/coopstall`, bearer(admin)))).data
      expect(widget.cooperative).toMatchObject({ id: thanhNamId, name: "HTX Chè Thanh Nam", status: "approved" })
      expect(widget.ocop_rating).toMatchObject({ stars: 3 })
      expect(widget.reviews).toMatchObject({ average_rating: 5, review_count: 1, pending_count: 0 })
      expect(await call(api.get(`/admin/products/prod_01UNKNOWN/coopstall`, bearer(admin)))).toMatchObject({ status: 404, data: { code: "not_found" } })
    })
  },
})
