import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MAX_VND } from "../../src/lib/money"
import { LEDGER_MODULE } from "../../src/modules/ledger"
import { ORDER_GROUP_MODULE } from "../../src/modules/order-group"
import { complete, readyCart } from "../checkout"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace } from "../helpers"

jest.setTimeout(240_000)

// Amounts past 2^31 đồng (about 2.1 billion, a good season for a large cooperative) used to answer
// 500: the columns were 32-bit integers while the validators allowed more. Now the validators and
// the database share one maximum, MAX_VND, and everything below it is stored and shown exactly.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: string
    const coop: Record<string, string> = {}
    let owner: string
    let pk: string
    let regionId: string

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      admin = await adminToken(api)
      const { data } = await api.get(`/admin/cooperatives?limit=100`, bearer(admin))
      for (const c of data.cooperatives) coop[c.handle] = c.id
      owner = await demoVendorToken(api, "htx-dat-to-seed")
    })

    const adjust = (id: string, amount: unknown, key?: string) =>
      call(api.post(`/admin/cooperatives/${id}/ledger-adjustments`, { amount, reason: "Thưởng mùa vụ", ...(key ? { idempotency_key: key } : {}) }, bearer(admin)))
    const reconciliationOf = async (id: string) =>
      (await call(api.get(`/admin/ledger/reconciliation?cooperative_id=${id}`, bearer(admin)))).data.reconciliation

    it("an adjustment of 3 billion đồng is booked and reconciled to the đồng, and a retry with its key is recognised", async () => {
      const id = coop["htx-dat-to-seed"]
      const before = await reconciliationOf(id)
      const res = await adjust(id, 3_000_000_000, "season-bonus-2026")
      expect(res.status).toBe(201)
      expect(res.data.entry.amount).toBe(3_000_000_000)
      // Read back from a bigint column, compared with the number sent: the same adjustment, not a conflict.
      const retry = await adjust(id, 3_000_000_000, "season-bonus-2026")
      expect([retry.status, retry.data.created]).toEqual([200, false])
      expect((await adjust(id, -2_147_483_649)).status).toBe(201)

      const after = await reconciliationOf(id)
      expect(after.adjustments - before.adjustments).toBe(3_000_000_000 - 2_147_483_649)
      expect(after.balance - before.balance).toBe(852_516_351)
      expect(after.balanced).toBe(true)
      // The cooperative sees the same lines, exactly.
      const mine = (await call(api.get(`/vendor/ledger?type=adjustment&limit=100`, bearer(owner)))).data
      expect(mine.entries.map((e: any) => e.amount)).toEqual(expect.arrayContaining([3_000_000_000, -2_147_483_649]))
    })

    it("validators and database agree on one maximum: MAX_VND is accepted, one đồng more is a 400, and the database refuses it too", async () => {
      const id = coop["htx-che-da-hen"]
      expect((await adjust(id, MAX_VND)).status).toBe(201)
      expect((await adjust(id, -MAX_VND)).status).toBe(201)
      for (const amount of [MAX_VND + 1, -(MAX_VND + 1), Number.MAX_SAFE_INTEGER, 1e20, "3000000000", 3e9 + 0.5]) {
        const res = await adjust(id, amount)
        expect({ amount, status: res.status, code: res.data.code }).toEqual({ amount, status: 400, code: "invalid_request" })
      }
      // Below the HTTP layer, the columns refuse what the validators refuse.
      const ledger = getContainer().resolve(LEDGER_MODULE) as any
      const line = (amount: number, source_id: string) => ({ cooperative_id: id, type: "adjustment", amount, reason: "x", source_type: "admin", source_id, available_at: new Date() })
      await expect(ledger.book([line(MAX_VND + 1, "bound-test-1")])).rejects.toThrow(/ledger_entry_amount_max_check/)
      expect((await ledger.book([line(MAX_VND, "bound-test-2")])).length).toBe(1)
      const groups = getContainer().resolve(ORDER_GROUP_MODULE) as any
      await expect(groups.createOrderGroups({ cart_id: "cart_bound_test", currency_code: "vnd", total: MAX_VND + 1, shares: [] })).rejects.toThrow()
      const big = await groups.createOrderGroups({ cart_id: "cart_bound_test_2", currency_code: "vnd", total: 5_000_000_001, shares: [] })
      expect((await groups.listOrderGroups({ id: big.id }))[0].total).toBe(5_000_000_001)
    })

    it("a purchase larger than MAX_VND is refused with a 400 before anything is written, not a 500", async () => {
      const products = (await call(api.get(`/vendor/products?limit=10`, bearer(owner)))).data.products
      const product = products.find((p: any) => p.status === "published" && p.variants?.length)
      const variant = product.variants[0]
      const repriced = await call(api.post(`/vendor/products/${product.id}/variants/${variant.id}`, { price: MAX_VND }, bearer(owner)))
      expect(repriced.status).toBe(200)
      const cartId = await readyCart(api as any, pk, regionId, [{ variant_id: variant.id, quantity: 2 }])
      const res = await complete(api as any, pk, cartId)
      expect({ status: res.status, code: res.data.code }).toEqual({ status: 400, code: "purchase_too_large" })
      const groups = getContainer().resolve(ORDER_GROUP_MODULE) as any
      expect(await groups.listOrderGroups({ cart_id: cartId })).toEqual([])
    })
  },
})
