import { completeCartWorkflow, createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { complete, readyCart, setStock, SHOPPER_ADDRESS, stockOf, variantsBySku } from "../checkout"
import { adminToken, bearer, call, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

// One cart across cooperatives: Thanh Nam's tea and Dafusa's peanut oil, paid once, fulfilled apart.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let sku: Record<string, string>

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      sku = await variantsBySku(api, pk)
    })

    const ordersFor = async (email: string) =>
      (await getContainer().resolve("order").listOrders({ email })).filter((o: any) => !o.canceled_at)

    it("a cart with tea from Thanh Nam and peanut oil from Dafusa becomes one purchase of two orders, each reserved at its own warehouse", async () => {
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
      ])
      const { status, data } = await complete(api, pk, cartId)
      expect(status).toBe(200)
      expect(data.type).toBe("order")
      const group = data.order_group
      expect(group.orders.map((o: any) => [o.cooperative.handle, o.items.map((i: any) => [i.variant_sku, i.quantity]), o.total])).toEqual([
        ["htx-che-thanh-nam", [["THANHNAM-TX-200", 2]], 270000],
        ["dafusa-phu-da", [["DAFUSA-DP-500", 1]], 125000],
      ])
      expect(group.total).toBe(395000)
      expect(group.orders.map((o: any) => o.payment_share)).toEqual([270000, 125000])
      expect(group.orders.every((o: any) => o.progress === "pending" && o.shipping_methods.length === 1)).toBe(true)
      // The js-sdk's `order` is a real Medusa order: the first cooperative's.
      expect(data.order.id).toBe(group.orders[0].id)

      const again = await call(api.get(`/store/order-groups/${group.id}`, storeHeaders(pk)))
      expect(again.status).toBe(200)
      expect(again.data.order_group.orders.map((o: any) => o.id)).toEqual(group.orders.map((o: any) => o.id))

      expect(await stockOf(api, "htx-che-thanh-nam", "THANHNAM-TX-200")).toMatchObject({ reserved_quantity: 2 })
      expect(await stockOf(api, "dafusa-phu-da", "DAFUSA-DP-500")).toMatchObject({ reserved_quantity: 1 })
      const reservations = await getContainer().resolve("inventory").listReservationItems({})
      const locations = new Set(reservations.map((r: any) => r.location_id))
      expect(locations.size).toBe(2)
    })

    it("a discount spread over two cooperatives' items is attributed to each order; the shares are whole đồng and sum to what was paid", async () => {
      // 50.001 ₫ off the items, spread by Medusa in proportion to each item's subtotal: the orders'
      // totals carry fractions of a đồng, which the shares must resolve deterministically.
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: "GIAM50001",
              type: "standard",
              status: "active",
              is_automatic: false,
              application_method: { type: "fixed", target_type: "items", allocation: "across", value: 50001, currency_code: "vnd" },
            } as any,
          ],
        },
      })
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
      ], { email: "giam-gia@example.vn", promo_codes: ["GIAM50001"] })
      const { data: cartView } = await api.get(`/store/carts/${cartId}`, storeHeaders(pk))
      expect(cartView.cart.discount_total).toBeCloseTo(50001, 6)
      expect(cartView.cart.total).toBeCloseTo(395000 - 50001, 6)

      const { status, data } = await complete(api, pk, cartId)
      expect(status).toBe(200)
      const group = data.order_group
      expect(group.total).toBe(344999)
      const shares = group.orders.map((o: any) => o.payment_share)
      expect(shares.every(Number.isInteger)).toBe(true)
      expect(shares.reduce((a: number, b: number) => a + b, 0)).toBe(344999)
      // Each order carries its own part of the discount, and its share is its total to the đồng.
      const [thanhNam, dafusa] = group.orders
      expect(thanhNam.discount_total + dafusa.discount_total).toBeCloseTo(50001, 6)
      expect(thanhNam.discount_total).toBeGreaterThan(dafusa.discount_total)
      for (const o of group.orders) expect(Math.abs(o.payment_share - o.total)).toBeLessThan(1)
      expect(shares).toEqual([Math.floor(thanhNam.total), 344999 - Math.floor(thanhNam.total)])
    })

    it("completing the same cart twice, or three times at once, yields one purchase", async () => {
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THANHNAM-TX-500"], quantity: 1 },
        { variant_id: sku["DATTO-HL-500"], quantity: 3 },
      ], { email: "hai-lan@example.vn" })
      const answers = await Promise.all([1, 2, 3].map(() => complete(api, pk, cartId)))
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
      expect(new Set(answers.map((a) => a.data.order_group.id)).size).toBe(1)
      const later = await complete(api, pk, cartId)
      expect(later.data.order_group.id).toBe(answers[0].data.order_group.id)
      expect(await ordersFor("hai-lan@example.vn")).toHaveLength(2)
      expect(await stockOf(api, "htx-dat-to-seed", "DATTO-HL-500")).toMatchObject({ reserved_quantity: 3 })

      // Medusa's own completion, as a payment webhook would start it, finds the purchase and adds no third order.
      const { result, errors } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId }, throwOnError: false })
      expect(errors).toEqual([])
      expect(answers[0].data.order_group.orders.map((o: any) => o.id)).toContain(result.id)
      expect(await ordersFor("hai-lan@example.vn")).toHaveLength(2)
    })

    it("twenty shoppers completing at once for the last five boxes: five are sold, fifteen get 409 out_of_stock and keep a usable cart", async () => {
      await setStock(api, "htx-che-thanh-nam", "THANHNAM-ST-250", 5)
      const carts = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          readyCart(api, pk, regionId, [{ variant_id: sku["THANHNAM-ST-250"], quantity: 1 }], { email: `tranh-mua-${n}@example.vn` })
        )
      )
      const answers = await Promise.all(carts.map((id) => complete(api, pk, id)))
      const sold = answers.filter((a) => a.status === 200)
      const refused = answers.filter((a) => a.status !== 200)
      expect(sold).toHaveLength(5)
      expect(refused).toHaveLength(15)
      for (const r of refused) {
        expect(r.status).toBe(409)
        expect(r.data.code).toBe("out_of_stock")
        expect(r.data.message).toContain("Chè Shan tuyết Thanh Nam")
      }
      expect(await stockOf(api, "htx-che-thanh-nam", "THANHNAM-ST-250")).toMatchObject({ stocked_quantity: 5, reserved_quantity: 5, available_quantity: 0 })

      // A refused cart is not completed: the shopper can swap the item and check out.
      const loser = carts[answers.findIndex((a) => a.status === 409)]
      const { data } = await api.get(`/store/carts/${loser}`, storeHeaders(pk))
      expect(data.cart.completed_at).toBeNull()
      await api.post(`/store/carts/${loser}/line-items/${data.cart.items[0].id}`, { quantity: 0 }, storeHeaders(pk)).catch(() => undefined)
    })

    it("a checkout that waits too long for its item's lock (a crowd on a starved server) gets 409 stock_busy naming the item, nothing reserved, and completes once the lock is free", async () => {
      const item = await stockOf(api, "htx-thuy-bang", "THUYBANG-CX-200")
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["THUYBANG-CX-200"], quantity: 1 }], { email: "cho-khoa@example.vn" })
      const locking = getContainer().resolve(Modules.LOCKING)
      // Another checkout holding the item's lock, as reserveInventoryStep and ours take it.
      await locking.acquire(item.inventory_item_id, { ownerId: "another-checkout" })
      process.env.CHECKOUT_STOCK_LOCK_WAIT_S = "1"
      try {
        const refused = await complete(api, pk, cartId)
        expect(refused.status).toBe(409)
        expect(refused.data.code).toBe("stock_busy")
        expect(refused.data.message).toMatch(/Many shoppers are buying .*Chè xanh.*place the order again/)
        expect(await stockOf(api, "htx-thuy-bang", "THUYBANG-CX-200")).toMatchObject({ reserved_quantity: item.reserved_quantity })
        expect(await ordersFor("cho-khoa@example.vn")).toHaveLength(0)
      } finally {
        delete process.env.CHECKOUT_STOCK_LOCK_WAIT_S
        await locking.release(item.inventory_item_id, { ownerId: "another-checkout" })
      }
      const placed = await complete(api, pk, cartId)
      expect(placed.status).toBe(200)
      expect(await ordersFor("cho-khoa@example.vn")).toHaveLength(1)
    })

    it("when the second cooperative's item has run out, nothing is left behind: no orders, no reservations, the cart still open", async () => {
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THUYBANG-CX-200"], quantity: 2 },
        { variant_id: sku["DAHEN-CB-1000"], quantity: 1 },
      ], { email: "het-hang@example.vn" })
      await setStock(api, "htx-che-da-hen", "DAHEN-CB-1000", 0)
      const refused = await complete(api, pk, cartId)
      expect(refused.status).toBe(409)
      expect(refused.data).toMatchObject({ code: "out_of_stock" })
      expect(refused.data.message).toContain("Chè búp Đá Hen – Gói 1kg")
      expect(await ordersFor("het-hang@example.vn")).toHaveLength(0)
      expect(await stockOf(api, "htx-thuy-bang", "THUYBANG-CX-200")).toMatchObject({ reserved_quantity: 0 })
      const groups = await getContainer().resolve("order_group").listOrderGroups({ cart_id: cartId })
      expect(groups).toHaveLength(0)
      const { data } = await api.get(`/store/carts/${cartId}`, storeHeaders(pk))
      expect(data.cart.completed_at).toBeNull()

      // Back in stock, the same cart completes.
      await setStock(api, "htx-che-da-hen", "DAHEN-CB-1000", 3)
      const ok = await complete(api, pk, cartId)
      expect(ok.status).toBe(200)
      expect(ok.data.order_group.orders).toHaveLength(2)
    })

    it("the cart carries one shipping method per cooperative, and completion refuses a cooperative left without one, naming it", async () => {
      const h = storeHeaders(pk)
      const { data } = await api.post(`/store/carts`, { region_id: regionId, email: "giao-hang@example.vn", shipping_address: SHOPPER_ADDRESS }, h)
      const cartId = data.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sku["THANHNAM-HT-25"], quantity: 1 }, h)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sku["DATTO-KL-2000"], quantity: 2 }, h)

      const { data: listed } = await api.get(`/store/carts/${cartId}/cooperative-shipping-options`, h)
      expect(listed.cooperatives.map((c: any) => [c.cooperative.handle, c.shipping_options.map((o: any) => o.amount), c.selected_option_id])).toEqual([
        ["htx-che-thanh-nam", [30000], null],
        ["htx-dat-to-seed", [30000], null],
      ])
      // Medusa's own listing (what js-sdk storefronts call) offers one union choice made of those
      // options, none of the three other cooperatives' (docs/storefront/shipping.md).
      const { data: medusaListing } = await api.get(`/store/shipping-options?cart_id=${cartId}`, h)
      expect(medusaListing.shipping_options.map((o: any) => [o.id, o.amount, o.data.shipping_options.map((p: any) => p.id)])).toEqual([
        ["so_union_standard", 60000, listed.cooperatives.flatMap((c: any) => c.shipping_options.map((o: any) => o.id))],
      ])

      const [thanhNam, datTo] = listed.cooperatives
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: thanhNam.shipping_options[0].id }, h)
      const { data: pc } = await api.post(`/store/payment-collections`, { cart_id: cartId }, h)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
      const refused = await complete(api, pk, cartId)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("shipping_method_required")
      expect(refused.data.message).toContain("Đất Tổ Seed")
      expect(refused.data.message).toContain("Khoai lang mật")

      const { data: withBoth } = await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: datTo.shipping_options[0].id }, h)
      expect(withBoth.cart.shipping_methods).toHaveLength(2)
      expect(withBoth.cart.shipping_total).toBe(60000)
      // Choosing again for one cooperative replaces its method, and only its method.
      const { data: again } = await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: datTo.shipping_options[0].id }, h)
      expect(again.cart.shipping_methods).toHaveLength(2)

      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
      const ok = await complete(api, pk, cartId)
      expect(ok.status).toBe(200)
      expect(ok.data.order_group.orders.map((o: any) => o.shipping_total)).toEqual([30000, 30000])
      expect(ok.data.order_group.total).toBe(85000 + 120000 + 60000)
    })

    it("a signed-in shopper's order list shows the purchase once, naming each cooperative's order in it", async () => {
      const email = "thanh-vien@example.vn"
      const registration = (await api.post(`/auth/customer/emailpass/register`, { email, password: "mat-khau-9" })).data.token
      await api.post(`/store/customers`, { email, first_name: "Hoa", last_name: "Lê" }, { headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${registration}` } })
      const token = (await api.post(`/auth/customer/emailpass`, { email, password: "mat-khau-9" })).data.token
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THUYBANG-CT-1000"], quantity: 1 },
        { variant_id: sku["DATTO-BDH-1"], quantity: 2 },
      ], { email, customer_token: token })
      const { data: done } = await complete(api, pk, cartId)
      const { data } = await api.get(`/store/orders?fields=+order_group.id,+cooperative.name`, {
        headers: { ...storeHeaders(pk).headers, authorization: `Bearer ${token}` },
      })
      expect(data.orders.map((o: any) => [o.order_group.id, o.purchase.orders.map((p: any) => p.cooperative.name).sort()])).toEqual([
        [done.order_group.id, ["HTX Dịch vụ Nông nghiệp Tổng hợp Thủy Bằng", "HTX Nông nghiệp Đất Tổ Seed"]],
      ])
    })

    it("a product unpublished after it was added is refused at completion, naming it, and nothing is placed", async () => {
      const cartId = await readyCart(api, pk, regionId, [{ variant_id: sku["DAFUSA-THN-300"], quantity: 1 }], { email: "go-xuong@example.vn" })
      const admin = await adminToken(api)
      const { data } = await api.get(`/store/products?limit=100&fields=id,title`, storeHeaders(pk))
      const tofu = data.products.find((p: any) => p.title === "Tàu hũ non")
      await api.post(`/admin/products/${tofu.id}`, { status: "draft" }, bearer(admin))
      const refused = await complete(api, pk, cartId)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("product_not_on_sale")
      expect(refused.data.message).toContain("Tàu hũ non")
      expect(await ordersFor("go-xuong@example.vn")).toHaveLength(0)
    })
  },
})
