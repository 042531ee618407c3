import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { complete, readyCart, stockOf, variantsBySku } from "../checkout"
import { bearer, call, demoVendorToken, seedMarketplace, storeHeaders } from "../helpers"

jest.setTimeout(180_000)

// Each cooperative fulfils its own part of a shared purchase; the shopper follows both on one page.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let pk: string
    let regionId: string
    let sku: Record<string, string>
    let groupId: string

    beforeAll(async () => {
      const seeded = await seedMarketplace(getContainer())
      pk = seeded.publishableKey
      regionId = seeded.regionId
      sku = await variantsBySku(api, pk)
      const cartId = await readyCart(api, pk, regionId, [
        { variant_id: sku["THANHNAM-TX-200"], quantity: 2 },
        { variant_id: sku["DAFUSA-DP-500"], quantity: 1 },
      ])
      groupId = (await complete(api, pk, cartId)).data.order_group.id
    })

    const vendor = (handle: string) => demoVendorToken(api, handle)
    const ownOrders = async (token: string, qs = "") => (await api.get(`/vendor/orders${qs}`, bearer(token))).data
    const purchase = async () => (await api.get(`/store/order-groups/${groupId}`, storeHeaders(pk))).data.order_group

    it("each cooperative sees only its own order of a shared purchase and takes it from packed to delivered while the shopper follows", async () => {
      const thanhNam = await vendor("htx-che-thanh-nam")
      const dafusa = await vendor("dafusa-phu-da")
      const mine = await ownOrders(thanhNam)
      expect(mine.count).toBe(1)
      const order = mine.orders[0]
      expect(order.items.map((i: any) => [i.variant_sku, i.quantity])).toEqual([["THANHNAM-TX-200", 2]])
      expect(order).toMatchObject({ total: 270000, payment_share: 270000, progress: "pending", payment_provider_id: "pp_system_default" })
      expect((await ownOrders(dafusa)).orders.map((o: any) => o.items.map((i: any) => i.variant_sku))).toEqual([["DAFUSA-DP-500"]])

      const packed = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(thanhNam)))
      expect(packed.status).toBe(201)
      expect(packed.data.order.progress).toBe("fulfilled")
      expect(await stockOf(api, "htx-che-thanh-nam", "THANHNAM-TX-200")).toMatchObject({ stocked_quantity: 198, reserved_quantity: 0 })
      const again = await call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(thanhNam)))
      expect([again.status, again.data.code]).toEqual([409, "nothing_to_fulfil"])

      const fulfillmentId = packed.data.order.fulfillments[0].id
      const early = await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(thanhNam)))
      expect([early.status, early.data.code]).toEqual([409, "not_shipped"])
      const noTracking = await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post" }, bearer(thanhNam)))
      expect([noTracking.status, noTracking.data.code]).toEqual([400, "invalid_request"])

      const shipped = await call(
        api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/ship`, { carrier: "Viettel Post", tracking_number: "VTP0012345678" }, bearer(thanhNam))
      )
      expect(shipped.status).toBe(200)
      expect(shipped.data.order.progress).toBe("shipped")
      expect(shipped.data.order.fulfillments[0]).toMatchObject({ carrier: "Viettel Post", tracking_numbers: ["VTP0012345678"] })

      let seen = await purchase()
      expect(seen.orders.map((o: any) => [o.cooperative.handle, o.progress])).toEqual([
        ["htx-che-thanh-nam", "shipped"],
        ["dafusa-phu-da", "pending"],
      ])
      expect(seen.orders[0].fulfillments[0]).toMatchObject({ carrier: "Viettel Post", tracking_numbers: ["VTP0012345678"] })

      const delivered = await call(api.post(`/vendor/orders/${order.id}/fulfillments/${fulfillmentId}/deliver`, {}, bearer(thanhNam)))
      expect(delivered.data.order.progress).toBe("delivered")
      seen = await purchase()
      expect(seen.orders[0].progress).toBe("delivered")

      expect((await ownOrders(thanhNam, "?status=delivered")).count).toBe(1)
      expect((await ownOrders(thanhNam, "?status=pending")).count).toBe(0)
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
      expect((await ownOrders(thanhNam, `?created_from=${tomorrow}`)).count).toBe(0)
      expect((await ownOrders(thanhNam, `?created_to=${tomorrow}`)).count).toBe(1)
      const bad = await call(api.get(`/vendor/orders?status=lost`, bearer(thanhNam)))
      expect([bad.status, bad.data.code]).toEqual([400, "invalid_request"])

      const tooLate = await call(api.post(`/vendor/orders/${order.id}/cancel`, {}, bearer(thanhNam)))
      expect([tooLate.status, tooLate.data.code]).toEqual([409, "order_already_shipped"])
    })

    it("a cooperative cancels its order: its stock is back on sale, the other cooperative's order stands", async () => {
      const dafusa = await vendor("dafusa-phu-da")
      const order = (await ownOrders(dafusa)).orders[0]
      expect(await stockOf(api, "dafusa-phu-da", "DAFUSA-DP-500")).toMatchObject({ reserved_quantity: 1 })

      // Packed (two taps at once pack it once: the other is refused, nothing fulfilled twice), unpacked, then canceled.
      const taps = await Promise.all([1, 2].map(() => call(api.post(`/vendor/orders/${order.id}/fulfillments`, {}, bearer(dafusa)))))
      expect(taps.map((t) => t.status).sort()).toEqual([201, 400])
      const packed = taps.find((t) => t.status === 201)!
      expect(packed.data.order.fulfillments).toHaveLength(1)
      const busy = await call(api.post(`/vendor/orders/${order.id}/cancel`, {}, bearer(dafusa)))
      expect([busy.status, busy.data.code]).toEqual([409, "order_being_fulfilled"])
      const unpacked = await call(api.post(`/vendor/orders/${order.id}/fulfillments/${packed.data.order.fulfillments[0].id}/cancel`, {}, bearer(dafusa)))
      expect(unpacked.status).toBe(200)
      expect(unpacked.data.order.progress).toBe("pending")

      const canceled = await call(api.post(`/vendor/orders/${order.id}/cancel`, { reason: "Hết hàng" }, bearer(dafusa)))
      expect(canceled.status).toBe(200)
      expect(canceled.data.order.progress).toBe("canceled")
      expect(canceled.data.refund).toBeNull() // cash on delivery: nothing was paid yet
      expect(await stockOf(api, "dafusa-phu-da", "DAFUSA-DP-500")).toMatchObject({ stocked_quantity: 120, reserved_quantity: 0, available_quantity: 120 })
      const twice = await call(api.post(`/vendor/orders/${order.id}/cancel`, {}, bearer(dafusa)))
      expect([twice.status, twice.data.code]).toEqual([409, "order_canceled"])

      const seen = await purchase()
      expect(seen.orders.map((o: any) => [o.cooperative.handle, o.progress])).toEqual([
        ["htx-che-thanh-nam", "pending"],
        ["dafusa-phu-da", "canceled"],
      ])
    })

    it("a cooperative sets its own rate, free above an amount of its own goods only", async () => {
      const thanhNam = await vendor("htx-che-thanh-nam")
      const created = await call(
        api.post(`/vendor/shipping-options`, { name: "Giao nhanh Thanh Nam", amount: 40000, free_above: 300000 }, bearer(thanhNam))
      )
      expect(created.status).toBe(201)
      expect(created.data.shipping_option).toMatchObject({ name: "Giao nhanh Thanh Nam", amount: 40000, free_above: 300000, editable: true })
      const optionId = created.data.shipping_option.id

      const listed = (await api.get(`/vendor/shipping-options`, bearer(thanhNam))).data.shipping_options
      expect(listed.map((o: any) => [o.amount, o.free_above, o.editable])).toEqual(expect.arrayContaining([[30000, null, false], [40000, 300000, true]]))
      const standard = listed.find((o: any) => !o.editable)
      const fixed = await call(api.post(`/vendor/shipping-options/${standard.id}`, { amount: 10000 }, bearer(thanhNam)))
      expect([fixed.status, fixed.data.code]).toEqual([409, "standard_option"])
      const invalid = await call(api.post(`/vendor/shipping-options`, { name: "Lẻ", amount: 12.5 }, bearer(thanhNam)))
      expect([invalid.status, invalid.data.code]).toEqual([400, "invalid_request"])

      const h = storeHeaders(pk)
      const { data } = await api.post(`/store/carts`, { region_id: regionId, email: "mien-phi@example.vn" }, h)
      const cartId = data.cart.id
      const optionAmount = async () => {
        const { data } = await api.get(`/store/carts/${cartId}/cooperative-shipping-options`, h)
        const group = data.cooperatives.find((c: any) => c.cooperative.handle === "htx-che-thanh-nam")
        return group.shipping_options.find((o: any) => o.id === optionId).amount
      }
      // 360.000 ₫ of Dafusa oil does not make Thanh Nam's shipping free.
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sku["DAFUSA-DP-1000"], quantity: 2 }, h)
      const { data: withTea } = await api.post(`/store/carts/${cartId}/line-items`, { variant_id: sku["THANHNAM-TX-200"], quantity: 1 }, h)
      expect(await optionAmount()).toBe(40000)
      await api.post(`/store/carts/${cartId}/line-items/${withTea.cart.items.find((i: any) => i.variant_id === sku["THANHNAM-TX-200"]).id}`, { quantity: 3 }, h)
      expect(await optionAmount()).toBe(0)

      await api.post(`/vendor/shipping-options/${optionId}`, { free_above: null }, bearer(thanhNam))
      expect(await optionAmount()).toBe(40000)
      const removed = await call(api.delete(`/vendor/shipping-options/${optionId}`, bearer(thanhNam)))
      expect(removed.data).toMatchObject({ id: optionId, deleted: true })
      expect((await api.get(`/vendor/shipping-options`, bearer(thanhNam))).data.shipping_options).toHaveLength(1)
    })
  },
})
