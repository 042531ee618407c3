import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminToken, bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

// A storefront written against @medusajs/js-sdk, unchanged: browse the stalls, fill a cart with one
// cooperative's tea, choose its shipping, pay cash on delivery and place the order.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let regionId: string
    let publishableKey: string

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      regionId = seeded.regionId
      publishableKey = seeded.publishableKey
      sdk = new Medusa({ baseUrl: api.defaults.baseURL, publishableKey: seeded.publishableKey })
    })

    it("a shopper browses cooperatives, buys Thanh Nam tea with cash on delivery, and stock is reserved", async () => {
      const directory = await sdk.client.fetch<any>("/store/cooperatives", { query: { province: "Phú Thọ" } })
      expect(directory.cooperatives.map((c: any) => c.handle)).toContain("htx-che-thanh-nam")

      const { products } = await sdk.store.product.list({
        region_id: regionId,
        limit: 50,
        fields: "id,title,*variants,variants.calculated_price,cooperative.handle,cooperative.name,cooperative.province",
      } as any)
      const tea = products.find((p: any) => p.title === "Trà xanh Thanh Nam") as any
      expect(tea.cooperative).toMatchObject({ handle: "htx-che-thanh-nam", name: "HTX Chè Thanh Nam", province: "Phú Thọ" })
      const box = tea.variants.find((v: any) => v.title === "Hộp 200g")
      expect(box.calculated_price.calculated_amount).toBe(120000)

      let { cart } = await sdk.store.cart.create({ region_id: regionId, email: "khach@example.vn" })
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: box.id, quantity: 2 }))
      ;({ cart } = await sdk.store.cart.update(cart.id, {
        shipping_address: {
          first_name: "Minh", last_name: "Nguyễn", address_1: "12 Lê Lợi", city: "Phường Thuận Hóa",
          province: "Huế", country_code: "vn", phone: "0905123456",
        },
      }))
      expect(cart.currency_code).toBe("vnd")
      expect(cart.item_total).toBe(240000)

      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      const shipping = shipping_options.find((o: any) => o.name.includes("HTX Chè Thanh Nam"))
      expect(shipping).toBeDefined()
      ;({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping!.id }))
      expect(cart.shipping_total).toBe(30000)

      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      const order = (completed as any).order
      expect(order.total).toBe(270000)
      expect(order.items.map((i: any) => [i.product_title, i.variant_title, i.quantity, i.unit_price])).toEqual([
        ["Trà xanh Thanh Nam", "Hộp 200g", 2, 120000],
      ])

      const vendor = await demoVendorToken(api, "htx-che-thanh-nam")
      const inventory = await call(api.get("/vendor/inventory", bearer(vendor)))
      expect(inventory.data.inventory.find((i: any) => i.variant_id === box.id)).toMatchObject({
        stocked_quantity: 200,
        reserved_quantity: 2,
        available_quantity: 198,
      })
    })

    it("with the js-sdk a shopper buys from two cooperatives at once: one shipping choice per cooperative, one payment, one purchase of two orders", async () => {
      const { products } = await sdk.store.product.list({ limit: 50, fields: "id,title,*variants" } as any)
      const variant = (title: string, v: string) => (products.find((p: any) => p.title === title) as any).variants.find((x: any) => x.title === v).id
      let { cart } = await sdk.store.cart.create({ region_id: regionId, email: "hai-htx@example.vn" })
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant("Hồng trà Thanh Nam", "Túi lọc 25 gói"), quantity: 2 }))
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant("Dầu phộng nguyên chất Dafusa", "Chai 1 lít"), quantity: 1 }))
      ;({ cart } = await sdk.store.cart.update(cart.id, {
        shipping_address: { first_name: "Lan", last_name: "Trần", address_1: "5 Hùng Vương", city: "Phường Việt Trì", province: "Phú Thọ", country_code: "vn", phone: "0912000111" },
      }))

      const { cooperatives } = await sdk.client.fetch<any>(`/store/carts/${cart.id}/cooperative-shipping-options`)
      expect(cooperatives.map((c: any) => c.cooperative.name)).toEqual(["HTX Chè Thanh Nam", "HTX Dafusa Phú Đa"])
      for (const c of cooperatives) ({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: c.shipping_options[0].id }))
      expect(cart.shipping_methods).toHaveLength(2)
      expect(cart.total).toBe(2 * 85000 + 180000 + 2 * 30000)

      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const completed = (await sdk.store.cart.complete(cart.id)) as any
      expect(completed.type).toBe("order")
      const group = completed.order_group
      expect(group.total).toBe(410000)
      expect(group.orders.map((o: any) => [o.cooperative.name, o.total, o.payment_share, o.progress])).toEqual([
        ["HTX Chè Thanh Nam", 200000, 200000, "pending"],
        ["HTX Dafusa Phú Đa", 210000, 210000, "pending"],
      ])
      // The sdk reads the order back as the whole purchase: both cooperatives' items, one total.
      const { order } = await sdk.store.order.retrieve(completed.order.id)
      expect(order.items!.map((i: any) => i.product_title)).toEqual(["Hồng trà Thanh Nam", "Dầu phộng nguyên chất Dafusa"])
      expect(order.total).toBe(410000)
      const { order_group } = await sdk.client.fetch<any>(`/store/order-groups/${group.id}`)
      expect(order_group.orders.flatMap((o: any) => o.items.map((i: any) => i.product_title))).toEqual(["Hồng trà Thanh Nam", "Dầu phộng nguyên chất Dafusa"])
      // Completing again (a double tap) returns the same purchase.
      const again = (await sdk.store.cart.complete(cart.id)) as any
      expect(again.order_group.id).toBe(group.id)
    })

    it("a cooperative suspended between adding to the cart and paying is refused at completion, naming the item", async () => {
      const { products } = await sdk.store.product.list({ limit: 50, fields: "id,title,*variants,cooperative.handle" } as any)
      const tea = products.find((p: any) => p.title === "Chè búp Đá Hen") as any
      let { cart } = await sdk.store.cart.create({ region_id: regionId, email: "khach@example.vn" })
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: tea.variants[0].id, quantity: 1 }))
      ;({ cart } = await sdk.store.cart.update(cart.id, {
        shipping_address: { first_name: "Minh", last_name: "Nguyễn", address_1: "12 Lê Lợi", city: "Huế", country_code: "vn", phone: "0905123456" },
      }))
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      ;({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options.find((o: any) => o.name.includes("Đá Hen"))!.id }))
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })

      const admin = await adminToken(api)
      const daHen = (await api.get("/admin/cooperatives?q=da-hen", bearer(admin))).data.cooperatives[0]
      await api.post(`/admin/cooperatives/${daHen.id}/suspend`, { reason: "Kiểm tra đột xuất" }, bearer(admin))

      const refused = await call(api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(publishableKey)))
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("cooperative_not_selling")
      expect(refused.data.message).toContain("Chè búp Đá Hen")
      const orders = await getContainer().resolve("order").listOrders({})
      expect(orders.filter((o: any) => o.email === "khach@example.vn")).toHaveLength(0)
      // The cart stays usable: the shopper can take the item out and go on.
      const item = cart.items![0]
      const { parent: after } = await sdk.store.cart.deleteLineItem(cart.id, item.id) as any
      expect(after.items).toHaveLength(0)
    })
  },
})
