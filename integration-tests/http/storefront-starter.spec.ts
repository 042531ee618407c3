import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PROVINCES } from "../../src/lib/provinces"
import { setStock } from "../checkout"
import { call, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(300_000)

// Medusa's official Next.js starter (medusajs/nextjs-starter-medusa), call for call: the fields
// its store page and cart ask for, one GET of the cart's shipping options, exactly one
// POST /store/carts/:id/shipping-methods, then payment and completion. See docs/storefront/shipping.md.
const STARTER_PRODUCT_FIELDS = "*variants.calculated_price,+variants.inventory_quantity,*variants.images,+metadata,+tags,"
const STARTER_CART_FIELDS =
  "*items, *region, *items.product, *items.variant, *items.thumbnail, *items.metadata, +items.total, *promotions, +shipping_methods.name"

type Line = { product: string; variant: string; quantity: number }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let sdk: Medusa
    let publishableKey: string
    const timings: string[] = []
    afterAll(() => console.log(`shipping options (listing, then the one POST), per checkout: ${timings.join(", ")}`))

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      publishableKey = seeded.publishableKey
      sdk = new Medusa({ baseUrl: api.defaults.baseURL, publishableKey })
    })

    const h = () => storeHeaders(publishableKey)

    /** The starter's lib/data: regions, the store page listing, a product page, a cart with these lines. */
    async function starterCart(lines: Line[], address: Record<string, unknown>, email: string) {
      const { regions } = await sdk.store.region.list()
      const region: any = regions.find((r: any) => (r.countries ?? []).some((c: any) => c.iso_2 === "vn"))
      expect(region.currency_code).toBe("vnd")

      const listing = await sdk.client.fetch<any>("/store/products", {
        query: { limit: 100, offset: 0, region_id: region.id, fields: STARTER_PRODUCT_FIELDS },
      })
      const variants = new Map<string, any>()
      for (const line of lines) {
        const listed = listing.products.find((p: any) => p.title === line.product)
        expect(listed).toBeDefined()
        // The product page asks the same fields, by handle.
        const { products } = await sdk.client.fetch<any>("/store/products", {
          query: { handle: listed.handle, region_id: region.id, fields: STARTER_PRODUCT_FIELDS },
        })
        const variant = products[0].variants.find((v: any) => v.title === line.variant)
        expect(Number.isInteger(variant.calculated_price.calculated_amount)).toBe(true)
        expect(variant.inventory_quantity).toBeGreaterThanOrEqual(line.quantity)
        variants.set(line.product, variant)
      }

      let { cart } = await sdk.store.cart.create({ region_id: region.id })
      for (const line of lines) await sdk.store.cart.createLineItem(cart.id, { variant_id: variants.get(line.product).id, quantity: line.quantity })
      // setAddresses: the shipping address doubles as billing address ("same as billing").
      ;({ cart } = await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address, email } as any))
      return { region, cart, variants }
    }

    const retrieveCart = (id: string) => sdk.client.fetch<any>(`/store/carts/${id}`, { query: { fields: STARTER_CART_FIELDS } }).then((r) => r.cart)

    /** The delivery step: list, price calculated options, and choose one the starter leaves enabled. */
    async function starterDelivery(cartId: string) {
      let t = Date.now()
      const { shipping_options } = await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: cartId } })
      timings.push(`list ${Date.now() - t} ms`)
      const prices: Record<string, number> = {}
      for (const option of shipping_options.filter((o: any) => o.price_type === "calculated")) {
        const { shipping_option } = await sdk.client.fetch<any>(`/store/shipping-options/${option.id}/calculate`, { method: "POST", body: { cart_id: cartId } })
        prices[option.id] = shipping_option.amount
      }
      const enabled = shipping_options.filter(
        (o: any) => !o.insufficient_inventory && (o.price_type === "flat" || typeof prices[o.id] === "number")
      )
      const chosen = enabled[0]
      t = Date.now()
      await sdk.store.cart.addShippingMethod(cartId, { option_id: chosen.id })
      timings.push(`set ${Date.now() - t} ms`)
      return { shipping_options, chosen, price: chosen.price_type === "flat" ? chosen.amount : prices[chosen.id] }
    }

    /** Payment (pp_system_default, the starter's manual provider), then Place order. */
    async function starterPay(cartId: string) {
      const cart = await retrieveCart(cartId)
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const ready = await retrieveCart(cartId)
      expect(ready.shipping_methods.length).toBeGreaterThan(0)
      return sdk.store.cart.complete(cartId) as Promise<any>
    }

    async function ordersOf(email: string) {
      const orders = await getContainer()
        .resolve("order")
        .listOrders({ email } as any, { relations: ["items", "shipping_methods", "shipping_address"] })
      return orders as any[]
    }

    it("the starter's checkout of two cooperatives' goods: one shipping choice among the unflagged, the full shipping price before payment, one order per cooperative", async () => {
      const started = Date.now()
      const address = {
        first_name: "Lan", last_name: "Trần", address_1: "5 Hùng Vương", address_2: "", company: "", postal_code: "",
        city: "Phường Việt Trì", province: "Phú Thọ", country_code: "vn", phone: "0912000111",
      }
      const { cart } = await starterCart(
        [
          { product: "Hồng trà Thanh Nam", variant: "Túi lọc 25 gói", quantity: 2 },
          { product: "Dầu phộng nguyên chất Dafusa", variant: "Chai 1 lít", quantity: 1 },
        ],
        address,
        "starter-hai-htx@example.vn"
      )

      const { shipping_options, chosen, price } = await starterDelivery(cart.id)
      // One union choice per kind of service both cooperatives offer, judged on each one's own goods.
      expect(shipping_options.map((o: any) => [o.id, o.name, o.amount, o.insufficient_inventory])).toEqual([
        ["so_union_standard", "Giao hàng tiêu chuẩn (HTX Chè Thanh Nam + HTX Dafusa Phú Đa)", 60000, false],
      ])
      expect(chosen.data.shipping_options.map((p: any) => [p.cooperative.name, p.amount])).toEqual([
        ["HTX Chè Thanh Nam", 30000],
        ["HTX Dafusa Phú Đa", 30000],
      ])
      expect(price).toBe(60000)

      // What the starter reads back: its choice selected, the method's name and price, the full shipping total.
      const back = await retrieveCart(cart.id)
      expect(back.shipping_methods.at(-1).shipping_option_id).toBe(chosen.id)
      expect(back.shipping_methods.at(-1).name).toBe(chosen.name)
      expect(back.shipping_methods.at(-1).amount).toBe(60000)
      expect(back.shipping_total).toBe(60000)
      expect(back.total).toBe(2 * 85000 + 180000 + 60000)
      // Behind it, each cooperative has its own method of its own option.
      const { cooperatives } = await sdk.client.fetch<any>(`/store/carts/${cart.id}/cooperative-shipping-options`)
      expect(cooperatives.map((c: any) => c.selected_option_id)).toEqual(chosen.data.shipping_options.map((p: any) => p.id))

      const completed = await starterPay(cart.id)
      expect(completed.type).toBe("order")
      const { order } = await sdk.store.order.retrieve(completed.order.id)
      expect(order.id).toBe(completed.order.id)
      // The starter's confirmation names shipping_methods[0] under "Method": the choice made, its full price.
      expect(order.shipping_methods!.map((m: any) => [m.name, m.total, m.shipping_option_id])).toEqual([[chosen.name, 60000, chosen.id]])
      expect(order.shipping_total).toBe(60000)

      const orders = await ordersOf("starter-hai-htx@example.vn")
      expect(orders).toHaveLength(2)
      expect(orders.map((o) => o.items.map((i: any) => i.product_title)).sort()).toEqual([["Dầu phộng nguyên chất Dafusa"], ["Hồng trà Thanh Nam"]])
      for (const o of orders) {
        expect(o.shipping_methods).toHaveLength(1)
        expect(Number(o.shipping_methods[0].amount)).toBe(30000)
      }
      console.log(`starter checkout, two cooperatives: ${Date.now() - started} ms`)
    })

    it("a Vietnamese address (one of the 34 provinces, ward, no district) across three cooperatives: whole đồng everywhere the starter shows money", async () => {
      expect(PROVINCES).toContain("Huế")
      const address = {
        first_name: "Hoa", last_name: "Lê", address_1: "27 Nguyễn Huệ", address_2: "", company: "", postal_code: "",
        city: "Phường Thuận Hóa", province: "Huế", country_code: "vn", phone: "0905111222",
      }
      const { cart } = await starterCart(
        [
          { product: "Trà xanh Thanh Nam", variant: "Hộp 200g", quantity: 1 },
          { product: "Dầu phộng nguyên chất Dafusa", variant: "Chai 500ml", quantity: 3 },
          { product: "Hành lá Lâm Thao", variant: "Bó 500g", quantity: 4 },
        ],
        address,
        "ba-htx@example.vn"
      )
      const { shipping_options, chosen } = await starterDelivery(cart.id)
      expect(shipping_options.every((o: any) => o.id.startsWith("so_union_") && !o.insufficient_inventory)).toBe(true)
      expect(chosen.data.shipping_options.map((p: any) => p.cooperative.name)).toEqual(["HTX Chè Thanh Nam", "HTX Dafusa Phú Đa", "HTX Nông nghiệp Đất Tổ Seed"])
      expect(chosen.amount).toBe(90000)

      const back = await retrieveCart(cart.id)
      const money = [back.total, back.subtotal, back.item_total, back.shipping_total, back.tax_total, ...back.items.map((i: any) => i.unit_price), ...back.items.map((i: any) => i.total), back.shipping_methods.at(-1).amount]
      expect(money.every((m: any) => Number.isInteger(m))).toBe(true)
      expect(back.shipping_total).toBe(90000)
      expect(back.total).toBe(120000 + 3 * 95000 + 4 * 15000 + 90000)
      expect(back.shipping_address).toMatchObject({ province: "Huế", city: "Phường Thuận Hóa", postal_code: "" })

      const completed = await starterPay(cart.id)
      expect(completed.type).toBe("order")
      const orders = await ordersOf("ba-htx@example.vn")
      expect(orders).toHaveLength(3)
      for (const o of orders) {
        expect(o.shipping_address.province).toBe("Huế")
        expect(Number.isInteger(Number(o.total))).toBe(true)
      }
      expect(orders.reduce((sum, o) => sum + Number(o.total), 0)).toBe(back.total)
    })

    it("insufficient_inventory is judged on the goods each option would carry", async () => {
      const address = { first_name: "An", last_name: "Phạm", address_1: "1 Trần Phú", city: "Phường Hải Châu", province: "Đà Nẵng", country_code: "vn", phone: "0905000333" }
      // One cooperative: its own option only, not flagged (the other warehouses are not asked).
      const single = await starterCart([{ product: "Trà xanh Thanh Nam", variant: "Hộp 200g", quantity: 1 }], address, "mot-htx@example.vn")
      const alone = (await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: single.cart.id } })).shipping_options
      expect(alone.map((o: any) => [o.name, o.insufficient_inventory])).toEqual([["Giao hàng tiêu chuẩn – HTX Chè Thanh Nam", false]])

      // Two cooperatives, then one runs short: only the choice carrying its goods is flagged, and says which part.
      const { cart } = await starterCart(
        [
          { product: "Chè búp Đá Hen", variant: "Gói 200g", quantity: 1 },
          { product: "Chè tươi Thủy Bằng", variant: "Bó 1kg", quantity: 2 },
        ],
        address,
        "thieu-hang@example.vn"
      )
      let listed = (await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: cart.id } })).shipping_options
      expect(listed.map((o: any) => [o.id, o.insufficient_inventory])).toEqual([["so_union_standard", false]])
      await setStock(api, "htx-thuy-bang", "THUYBANG-CT-1000", 1)
      listed = (await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: cart.id } })).shipping_options
      expect(listed[0].insufficient_inventory).toBe(true)
      expect(listed[0].data.shipping_options.map((p: any) => p.insufficient_inventory)).toEqual([false, true])
    })

    it("goods of a third cooperative added after choosing: the starter sees no choice made, and choosing again covers all three", async () => {
      const address = { first_name: "Tú", last_name: "Đỗ", address_1: "3 Hai Bà Trưng", city: "Phường Sài Gòn", province: "Thành phố Hồ Chí Minh", country_code: "vn", phone: "0903000555" }
      const { cart } = await starterCart(
        [
          { product: "Hồng trà Thanh Nam", variant: "Túi lọc 25 gói", quantity: 1 },
          { product: "Dầu phộng nguyên chất Dafusa", variant: "Chai 500ml", quantity: 1 },
        ],
        address,
        "them-htx@example.vn"
      )
      const first = await starterDelivery(cart.id)
      expect((await retrieveCart(cart.id)).shipping_methods.at(-1).shipping_option_id).toBe(first.chosen.id)

      const { products } = await sdk.client.fetch<any>("/store/products", { query: { limit: 100, fields: "id,title,*variants" } })
      const onions = products.find((p: any) => p.title === "Hành lá Lâm Thao").variants.find((v: any) => v.title === "Bó 500g")
      await sdk.store.cart.createLineItem(cart.id, { variant_id: onions.id, quantity: 2 })
      const stale = await retrieveCart(cart.id)
      expect(stale.shipping_methods.map((m: any) => m.shipping_option_id)).not.toContain(first.chosen.id)
      expect(stale.shipping_methods).toHaveLength(2)

      const again = await starterDelivery(cart.id)
      expect(again.chosen.data.shipping_options).toHaveLength(3)
      const back = await retrieveCart(cart.id)
      expect(back.shipping_methods).toHaveLength(1)
      expect(back.shipping_methods[0]).toMatchObject({ shipping_option_id: again.chosen.id, amount: 90000 })
      expect(back.shipping_total).toBe(90000)
      expect((await starterPay(cart.id)).type).toBe("order")
      expect(await ordersOf("them-htx@example.vn")).toHaveLength(3)
    })

    it("attackers and double taps: union choices only where offered, garbage ids answered 4xx, one method per cooperative whatever arrives at once", async () => {
      const address = { first_name: "Bình", last_name: "Võ", address_1: "9 Lý Thường Kiệt", city: "Phường Hoàn Kiếm", province: "Hà Nội", country_code: "vn", phone: "0988000444" }
      const single = (await starterCart([{ product: "Hồng trà Thanh Nam", variant: "Túi lọc 25 gói", quantity: 1 }], address, "tan-cong@example.vn")).cart
      const multi = (await starterCart(
        [
          { product: "Hồng trà Thanh Nam", variant: "Túi lọc 25 gói", quantity: 1 },
          { product: "Dầu phộng nguyên chất Dafusa", variant: "Chai 1 lít", quantity: 1 },
        ],
        address,
        "tan-cong@example.vn"
      )).cart
      const post = (cartId: string, body: any) => call(api.post(`/store/carts/${cartId}/shipping-methods`, body, h()))
      const methodsOf = async (cartId: string) =>
        (await getContainer().resolve("cart").listShippingMethods({ cart_id: cartId }, { select: ["id", "shipping_option_id", "data"] })) as any[]

      // A union choice on a single-cooperative cart, or a kind of service nobody offers.
      for (const body of [{ option_id: "so_union_standard" }, { option_id: "so_union_express" }]) {
        const answer = await post(single.id, body)
        expect([answer.status, answer.data.code]).toEqual([400, "shipping_option_not_offered"])
      }
      expect(await methodsOf(single.id)).toHaveLength(0)

      const garbage: any[] = [
        { option_id: "so_union_" }, { option_id: "so_union_EXPRESS!" }, { option_id: "so_union_" + "x".repeat(5000) },
        { option_id: "so_union_../../admin" }, { option_id: "so_01JXXXXXXXXXXXXXXXXXXXXXXX" }, { option_id: "" }, { option_id: 42 },
        { option_id: ["so_union_standard"] }, {}, [], [{ option_id: "so_union_standard" }, { option_id: "so_union_standard" }],
        { option_id: "%00" }, { option_id: "so_union_standard\u0000" },
      ]
      for (const body of garbage) {
        const answer = await post(multi.id, body)
        if (answer.status < 400 || answer.status >= 500) console.log("unexpected answer", JSON.stringify(body).slice(0, 80), answer.status, answer.data)
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(answer.status).toBeLessThan(500)
      }
      expect(await methodsOf(multi.id)).toHaveLength(0)
      for (const id of ["so_union_standard", "so_01JXXXXXXXXXXXXXXXXXXXXXXX", "so_union_nope"]) {
        for (const body of [{ cart_id: "cart_nope" }, { cart_id: single.id }, {}]) {
          const answer = await call(api.post(`/store/shipping-options/${id}/calculate`, body, h()))
          if (answer.status < 400 || answer.status >= 500) console.log("unexpected calculate answer", id, body, answer.status, answer.data)
          expect(answer.status).toBeGreaterThanOrEqual(400)
          expect(answer.status).toBeLessThan(500)
        }
      }
      expect((await call(api.post(`/store/shipping-options/so_union_standard/calculate`, { cart_id: multi.id }, h()))).data.shipping_option.amount).toBe(60000)

      // The same choice twice at once, three times: never a 5xx, never two methods of one cooperative.
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all([post(multi.id, { option_id: "so_union_standard" }), post(multi.id, { option_id: "so_union_standard" })])
        expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true)
        expect(answers.some((a) => a.status === 200)).toBe(true)
        const methods = await methodsOf(multi.id)
        expect(methods).toHaveLength(2)
        expect(new Set(methods.map((m) => m.shipping_option_id)).size).toBe(2)
      }
      // A cooperative's own option posted with a forged marker: the marker is not stored, and the cart
      // no longer reads as the union choice (one cooperative changed its method).
      const real = (await methodsOf(multi.id))[0].shipping_option_id
      expect((await post(multi.id, { option_id: real, data: { union_choice: "so_union_standard", union_choice_name: "Miễn phí" } })).status).toBe(200)
      const after = await methodsOf(multi.id)
      expect(after).toHaveLength(2)
      expect(after.filter((m) => m.data?.union_choice)).toHaveLength(1)
      const cart = await retrieveCart(multi.id)
      expect(cart.shipping_methods).toHaveLength(2)
      expect(cart.shipping_total).toBe(60000)
    })

    it("the starter's listing of a multi-cooperative cart, answered without Medusa's own listing, is what the listing through Medusa's route answers, with and without an address", async () => {
      const { regions } = await sdk.store.region.list()
      const region: any = regions.find((r: any) => (r.countries ?? []).some((c: any) => c.iso_2 === "vn"))
      const { products } = await sdk.client.fetch<any>("/store/products", { query: { limit: 100, fields: "id,title,*variants" } })
      const variant = (title: string, v: string) => products.find((p: any) => p.title === title).variants.find((x: any) => x.title === v).id
      let { cart } = await sdk.store.cart.create({ region_id: region.id })
      await sdk.store.cart.createLineItem(cart.id, { variant_id: variant("Hồng trà Thanh Nam", "Túi lọc 25 gói"), quantity: 1 })
      await sdk.store.cart.createLineItem(cart.id, { variant_id: variant("Dầu phộng nguyên chất Dafusa", "Chai 500ml"), quantity: 2 })
      // cart_id alone is the starter's question; any other parameter keeps Medusa's listing underneath.
      const both = async () => {
        const starter = await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: cart.id } })
        const throughMedusa = await sdk.client.fetch<any>("/store/shipping-options", { query: { cart_id: cart.id, is_return: false } })
        expect(starter).toEqual(throughMedusa)
        return starter.shipping_options
      }
      await both()
      const address = { first_name: "Hà", last_name: "Lê", address_1: "12 Lê Lợi", city: "Phường Hạc Thành", province: "Thanh Hóa", country_code: "vn", phone: "0912000777" }
      ;({ cart } = await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address, email: "hai-duong@example.vn" } as any))
      const choices = await both()
      expect(choices.map((c: any) => c.id)).toContain("so_union_standard")

      // The attacker's spellings of the same question: another case and a trailing slash answer the
      // same, two at once answer the same, an unknown or garbage cart id is never a 5xx nor a choice.
      const plain = await call(api.get(`/store/shipping-options?cart_id=${cart.id}`, h()))
      const spelled = await call(api.get(`/STORE/Shipping-Options/?cart_id=${cart.id}`, h()))
      expect(spelled.data).toEqual(plain.data)
      const twice = await Promise.all([0, 1].map(() => call(api.get(`/store/shipping-options?cart_id=${cart.id}`, h()))))
      expect(twice.map((a) => a.data)).toEqual([plain.data, plain.data])
      for (const query of ["cart_id=cart_nope", "cart_id[]=x&cart_id[]=y", `cart_id=${"x".repeat(3000)}`, "cart_id=%00"]) {
        const answer = await call(api.get(`/store/shipping-options?${query}`, h()))
        expect(answer.status).toBeLessThan(500)
        expect(answer.data.shipping_options ?? []).toEqual([])
      }
    })
  },
})
