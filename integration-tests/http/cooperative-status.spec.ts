import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { CAPABILITIES, STATUS_CAPABILITIES, VENDOR_ROUTES } from "../../src/api/vendor/access"
import CooperativeProductLink from "../../src/links/cooperative-product"
import { COOPERATIVE_MODULE } from "../../src/modules/cooperative"
import { REVIEW_MODULE } from "../../src/modules/review"
import { TRACEABILITY_MODULE } from "../../src/modules/traceability"
import { complete, readyCart, variantsBySku } from "../checkout"
import { adminToken, Api, bearer, call, createCooperative, demoVendorToken, seedMarketplace } from "../helpers"

jest.setTimeout(600_000)

type Status = "pending" | "approved" | "suspended" | "rejected"
const STATUSES: Status[] = ["pending", "approved", "suspended", "rejected"]

/** The table of docs/security/isolation-and-status.md, written out here so the code cannot drift from it. */
const ALLOWED: Record<string, Record<Status, boolean>> = {
  view_profile: { pending: true, approved: true, suspended: true, rejected: true },
  read: { pending: true, approved: true, suspended: true, rejected: false },
  edit_profile: { pending: true, approved: true, suspended: false, rejected: false },
  invite_staff: { pending: true, approved: true, suspended: false, rejected: false },
  revoke_access: { pending: true, approved: true, suspended: true, rejected: false },
  catalogue: { pending: true, approved: true, suspended: false, rejected: false },
  evidence: { pending: true, approved: true, suspended: false, rejected: false },
  trace: { pending: true, approved: true, suspended: false, rejected: false },
  publish_trace: { pending: false, approved: true, suspended: false, rejected: false },
  reply_reviews: { pending: false, approved: true, suspended: false, rejected: false },
  handle_orders: { pending: false, approved: true, suspended: true, rejected: false },
}

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n")

async function upload(api: Api, token: string) {
  const form = new FormData()
  form.append("files", new Blob([PDF], { type: "application/pdf" }), "giay-phep.pdf")
  return call(api.post("/vendor/uploads", form, bearer(token)))
}

/** What one cooperative of a status has to act on (ids of its own where it has them). */
type Stall = {
  status: Status
  token: string
  cooperativeId: string
  userId: string
  variantId: string | null
  draftLotId: string
  reviewId: string
  orderId: string
}

const tea = (title: string) => ({ title, status: "draft", variants: [{ title: "Hộp 200g", price: 120000 }] })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const stalls = {} as Record<Status, Stall>
    let admin: string

    const cooperatives = () => getContainer().resolve(COOPERATIVE_MODULE) as any
    const publishedReview = async (cooperativeId: string, productId: string, tag: string) =>
      (await (getContainer().resolve(REVIEW_MODULE) as any).createShopperReviews({
        subject_type: "product", subject_id: productId, product_id: productId, cooperative_id: cooperativeId, order_id: `order_${tag}`,
        customer_id: `cus_${tag}`, author_name: "Khách", rating: 5, title: "Ngon", body: "Ngon", status: "published", published_at: new Date(),
      })).id

    /** A draft lot of the variant with one recorded step: publishable, as far as the lot goes. */
    async function draftLot(token: string, variantId: string) {
      const lot = await api.post("/vendor/lots", { variant_id: variantId, quantity: 10, unit: "hộp" }, bearer(token))
      await api.post(`/vendor/lots/${lot.data.lot.id}/events`, { type: "harvest", occurred_at: "2026-10-01T07:00:00+07:00" }, bearer(token))
      return lot.data.lot.id as string
    }

    async function demoStall(handle: string, status: Status, orderId: string): Promise<Stall> {
      const token = await demoVendorToken(api, handle)
      const me = (await api.get("/vendor/me", bearer(token))).data
      const product = (await api.get("/vendor/products?limit=1&status=published", bearer(token))).data.products[0]
      return {
        status, token, cooperativeId: me.cooperative.id, userId: me.user.id, variantId: product.variants[0].id,
        draftLotId: await draftLot(token, product.variants[0].id),
        reviewId: await publishedReview(me.cooperative.id, product.id, handle),
        orderId,
      }
    }

    beforeAll(async () => {
      const { publishableKey, regionId } = await seedMarketplace(getContainer())
      admin = await adminToken(api)

      // An order for each of two approved cooperatives, placed before one of them is suspended.
      const sku = await variantsBySku(api, publishableKey)
      const cartId = await readyCart(api, publishableKey, regionId, [
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
        { variant_id: sku["DAHEN-CB-200"], quantity: 1 },
      ])
      expect((await complete(api, publishableKey, cartId)).status).toBe(200)
      const orderOf = async (handle: string) => (await api.get("/vendor/orders", bearer(await demoVendorToken(api, handle)))).data.orders[0].id

      stalls.approved = await demoStall("dafusa-phu-da", "approved", await orderOf("dafusa-phu-da"))
      stalls.suspended = await demoStall("htx-che-da-hen", "suspended", await orderOf("htx-che-da-hen"))
      expect((await call(api.post(`/admin/cooperatives/${stalls.suspended.cooperativeId}/suspend`, { reason: "Kiểm tra an toàn thực phẩm" }, bearer(admin)))).status).toBe(200)

      // A new cooperative prepares its stall while it waits for the union.
      const pending = await createCooperative(api, "cho-duyet@htx.vn", { name: "HTX Chè Chờ Duyệt", email: "lienhe@choduyet.vn" })
      const product = (await api.post("/vendor/products", tea("Chè chờ duyệt"), bearer(pending.token))).data.product
      stalls.pending = {
        status: "pending", token: pending.token, cooperativeId: pending.cooperative.id,
        userId: (await api.get("/vendor/me", bearer(pending.token))).data.user.id,
        variantId: product.variants[0].id,
        draftLotId: await draftLot(pending.token, product.variants[0].id),
        reviewId: await publishedReview(pending.cooperative.id, product.id, "pending"),
        orderId: "order_01NONE",
      }

      const rejected = await createCooperative(api, "bi-tu-choi@htx.vn", { name: "HTX Bị Từ Chối", tax_code: "8601543213", email: "lienhe@bituchoi.vn" })
      const rejectedMe = (await api.get("/vendor/me", bearer(rejected.token))).data
      expect((await call(api.post(`/admin/cooperatives/${rejected.cooperative.id}/reject`, { reason: "Mã số thuế không khớp" }, bearer(admin)))).status).toBe(200)
      stalls.rejected = {
        status: "rejected", token: rejected.token, cooperativeId: rejected.cooperative.id, userId: rejectedMe.user.id,
        variantId: null, draftLotId: "lot_01NONE", reviewId: "rev_01NONE", orderId: "order_01NONE",
      }
    })

    /**
     * One representative request per capability. `allowed` is the answer that proves the request
     * reached its handler; `unchanged` reads what a refused request must have left as it was.
     */
    const CELLS: Record<string, {
      request: (s: Stall) => Promise<{ status: number; data: any }>
      allowed: (res: { status: number; data: any }, s: Stall) => void
      unchanged?: (s: Stall) => Promise<unknown>
    }> = {
      view_profile: {
        request: (s) => call(api.get("/vendor/cooperative", bearer(s.token))),
        allowed: (res, s) => {
          expect(res.status).toBe(200)
          expect(res.data.cooperative.status).toBe(s.status)
          if (s.status === "rejected") {
            expect(res.data.status_history).toEqual(expect.arrayContaining([expect.objectContaining({ to_status: "rejected", reason: "Mã số thuế không khớp" })]))
          }
        },
      },
      read: {
        request: async (s) => {
          // Orders, ledger and payouts, each of which a suspended cooperative must still read.
          const answers = [
            await call(api.get("/vendor/orders", bearer(s.token))),
            await call(api.get("/vendor/ledger", bearer(s.token))),
            await call(api.get("/vendor/payouts", bearer(s.token))),
            await call(api.get("/vendor/products", bearer(s.token))),
          ]
          return answers.find((a) => a.status !== 200) ?? answers[0]
        },
        allowed: (res) => expect(res.status).toBe(200),
      },
      edit_profile: {
        request: (s) => call(api.post("/vendor/cooperative", { member_count: 99 }, bearer(s.token))),
        allowed: (res) => expect({ status: res.status, member_count: res.data.cooperative?.member_count }).toEqual({ status: 200, member_count: 99 }),
        unchanged: async (s) => (await cooperatives().retrieveCooperative(s.cooperativeId)).member_count,
      },
      invite_staff: {
        request: (s) => call(api.post("/vendor/invites", { email: `moi-${s.status}@htx.vn` }, bearer(s.token))),
        allowed: (res) => expect(res.status).toBe(201),
        unchanged: async (s) => (await cooperatives().listCooperativeInvites({ cooperative_id: s.cooperativeId })).length,
      },
      revoke_access: {
        // Removing one's own account reaches the handler, which refuses it: nothing is removed either way.
        request: (s) => call(api.delete(`/vendor/users/${s.userId}`, bearer(s.token))),
        allowed: (res) => expect({ status: res.status, code: res.data.code }).toEqual({ status: 409, code: "cannot_remove_self" }),
      },
      catalogue: {
        request: (s) => call(api.post("/vendor/products", tea(`Chè mới ${s.status}`), bearer(s.token))),
        allowed: (res) => expect(res.status).toBe(201),
        unchanged: async (s) =>
          (await getContainer().resolve("query").graph({ entity: CooperativeProductLink.entryPoint, fields: ["product_id"], filters: { cooperative_id: s.cooperativeId } })).data.length,
      },
      evidence: {
        request: (s) => upload(api, s.token),
        allowed: (res) => expect({ status: res.status, files: res.data.files?.length }).toEqual({ status: 201, files: 1 }),
      },
      trace: {
        request: (s) => call(api.post("/vendor/lots", { variant_id: s.variantId ?? "variant_01NONE", quantity: 5 }, bearer(s.token))),
        allowed: (res) => expect({ status: res.status, lot: res.data.lot?.status }).toEqual({ status: 201, lot: "draft" }),
      },
      publish_trace: {
        request: (s) => call(api.post(`/vendor/lots/${s.draftLotId}/publish`, {}, bearer(s.token))),
        allowed: (res) => expect({ status: res.status, lot: res.data.lot?.status }).toEqual({ status: 200, lot: "published" }),
        unchanged: async (s) => (await (getContainer().resolve(TRACEABILITY_MODULE) as any).listLots({ id: s.draftLotId }, { select: ["status"] }))[0]?.status ?? null,
      },
      reply_reviews: {
        request: (s) => call(api.post(`/vendor/reviews/${s.reviewId}/reply`, { body: "Cảm ơn quý khách" }, bearer(s.token))),
        allowed: (res) => expect({ status: res.status, reply: res.data.review?.reply?.body }).toEqual({ status: 200, reply: "Cảm ơn quý khách" }),
        unchanged: async (s) => (await (getContainer().resolve(REVIEW_MODULE) as any).listShopperReviews({ id: s.reviewId }, { select: ["reply"] }))[0]?.reply ?? null,
      },
      handle_orders: {
        request: (s) => call(api.post(`/vendor/orders/${s.orderId}/fulfillments`, {}, bearer(s.token))),
        allowed: (res) => expect(res.status).toBe(201),
      },
    }

    it("the status table in the code is the documented one, and every vendor route names a capability of it", () => {
      const fromCode = Object.fromEntries(
        Object.keys(CAPABILITIES).map((c) => [c, Object.fromEntries(STATUSES.map((s) => [s, STATUS_CAPABILITIES[s].includes(c as any)]))])
      )
      expect(fromCode).toEqual(ALLOWED)
      expect(Object.keys(CELLS).sort()).toEqual(Object.keys(CAPABILITIES).sort())
      for (const route of VENDOR_ROUTES) expect([...Object.keys(CAPABILITIES), "join"]).toContain(route.capability)
    })

    for (const status of STATUSES) {
      it(`${status === "approved" ? "an" : "a"} ${status} cooperative: every capability answers as the table says`, async () => {
        const stall = stalls[status]
        const outcomes: Record<string, string> = {}
        for (const [capability, cell] of Object.entries(CELLS)) {
          const before = cell.unchanged ? await cell.unchanged(stall) : undefined
          const res = await cell.request(stall)
          if (ALLOWED[capability][status]) {
            // Allowed: the request got past the status check and did its work.
            expect({ capability, status: res.status, code: res.data?.code }).not.toMatchObject({ capability, status: 403 })
            cell.allowed(res, stall)
            outcomes[capability] = "allowed"
          } else {
            expect({ capability, status: res.status, code: res.data?.code }).toEqual({ capability, status: 403, code: "cooperative_status_forbids" })
            expect(res.data.message).toContain(`while the cooperative is ${status}`)
            expect(res.data.message).toContain(CAPABILITIES[capability as keyof typeof CAPABILITIES])
            if (cell.unchanged) expect({ capability, after: await cell.unchanged(stall) }).toEqual({ capability, after: before })
            outcomes[capability] = "refused"
          }
        }
        expect(Object.keys(outcomes)).toHaveLength(Object.keys(CAPABILITIES).length)
      })
    }

    it("a refusal names the status and the union's reason, and is decided before any id is looked at", async () => {
      const suspended = stalls.suspended
      const res = await call(api.post(`/vendor/products/prod_01UNKNOWN`, { title: "x" }, bearer(suspended.token)))
      expect(res.status).toBe(403)
      expect(res.data.code).toBe("cooperative_status_forbids")
      expect(res.data.message).toContain("suspended")
      expect(res.data.message).toContain("Kiểm tra an toàn thực phẩm")
      // The same answer for one of its own products: the refusal tells nothing about ids.
      const own = (await api.get("/vendor/products?limit=1", bearer(suspended.token))).data.products[0]
      const ownRes = await call(api.post(`/vendor/products/${own.id}`, { title: "x" }, bearer(suspended.token)))
      expect({ status: ownRes.status, code: ownRes.data.code }).toEqual({ status: 403, code: "cooperative_status_forbids" })
      expect((await api.get(`/vendor/products/${own.id}`, bearer(suspended.token))).data.product.title).toBe(own.title)

      // Reinstated, the same request goes through.
      await api.post(`/admin/cooperatives/${suspended.cooperativeId}/reinstate`, { reason: "Đạt" }, bearer(admin))
      expect((await call(api.post(`/vendor/products/${own.id}`, { subtitle: "Vụ mới" }, bearer(suspended.token)))).status).toBe(200)
    })
  },
})
