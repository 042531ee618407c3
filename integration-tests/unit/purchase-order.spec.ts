import { combinePurchase, purchaseFulfillmentStatus, purchaseStatus } from "../../src/api/store/orders/combine"

const order = (id: string, over: Record<string, any> = {}) => ({
  id,
  display_id: Number(id.slice(-1)),
  status: "pending",
  currency_code: "vnd",
  email: "khach@example.vn",
  created_at: `2026-12-01T10:00:0${id.slice(-1)}.000Z`,
  updated_at: `2026-12-01T10:00:0${id.slice(-1)}.000Z`,
  metadata: { cooperative_id: `coop_${id}`, note: "giao giờ hành chính" },
  cooperative: { id: `coop_${id}`, name: `HTX ${id}` },
  total: 100000,
  item_total: 70000,
  shipping_total: 30000,
  raw_total: { value: "100000", precision: 20 },
  summary: { paid_total: 0, pending_difference: 100000, raw_paid_total: { value: "0", precision: 20 } },
  items: [{ id: `item_${id}`, title: `Trà ${id}`, quantity: 1 }],
  shipping_methods: [{ id: `sm_${id}`, name: "Giao tiêu chuẩn", total: 30000 }],
  fulfillments: [],
  promotions: [{ id: "promo_shared", code: "GIAM" }],
  shipping_address: { id: `addr_${id}`, address_1: "12 Lê Lợi" },
  ...over,
})

describe("a purchase read by the store as one Medusa order", () => {
  const collection = { id: "paycol_1", status: "authorized", amount: 300000, captured_amount: 0, refunded_amount: 0 }
  const combined = combinePurchase({
    orders: [order("order_2", { total: 150000, item_total: 120000 }), order("order_1"), order("order_3", { updated_at: "2026-12-02T08:00:00.000Z" })],
    lead_id: "order_1",
    payment_collections: [collection],
    purchase: { id: "ordgrp_1" },
  }) as ReturnType<typeof combinePurchase> & {
    items: { id: string }[]
    shipping_methods: { id: string }[]
    shipping_address: { id: string }
    summary: Record<string, unknown>
  }

  it("answers under its first order's id and number, with every item and shipping method, the lead's first", () => {
    expect([combined.id, combined.display_id, combined.email]).toEqual(["order_1", 1, "khach@example.vn"])
    expect(combined.items.map((i: any) => i.id)).toEqual(["item_order_1", "item_order_2", "item_order_3"])
    expect(combined.shipping_methods.map((m: any) => m.id)).toEqual(["sm_order_1", "sm_order_2", "sm_order_3"])
    expect(combined.promotions).toEqual([{ id: "promo_shared", code: "GIAM" }])
    expect(combined.shipping_address.id).toBe("addr_order_1")
  })

  it("adds up every total, raw totals and the summary included", () => {
    expect([combined.total, combined.item_total, combined.shipping_total]).toEqual([350000, 260000, 90000])
    expect(combined.raw_total).toEqual({ value: "300000", precision: 20 })
    expect(combined.summary.pending_difference).toBe(300000)
    expect(combined.summary.raw_paid_total).toEqual({ value: "0", precision: 20 })
  })

  it("carries the purchase's one payment and part, drops what belongs to one cooperative, and is latest updated when any order was", () => {
    expect(combined.payment_collections).toEqual([collection])
    expect(combined.payment_status).toBe("authorized")
    expect(combined.purchase).toEqual({ id: "ordgrp_1" })
    expect(combined).not.toHaveProperty("cooperative")
    expect(combined.metadata).toEqual({ note: "giao giờ hành chính" })
    expect(combined.updated_at).toBe("2026-12-02T08:00:00.000Z")
  })

  it("is packed partially while one cooperative packed and another did not", () => {
    const packed = combinePurchase({
      orders: [order("order_1", { fulfillments: [{ id: "ful_1", packed_at: "2026-12-01T11:00:00.000Z" }] }), order("order_2")],
      lead_id: "order_1",
      payment_collections: [],
      purchase: null,
    })
    expect([packed.fulfillment_status, packed.payment_status]).toEqual(["partially_fulfilled", "not_paid"])
  })

  it("takes the status its orders share, canceled orders aside", () => {
    expect(purchaseStatus(["completed", "completed"])).toBe("completed")
    expect(purchaseStatus(["completed", "canceled"])).toBe("completed")
    expect(purchaseStatus(["canceled", "canceled"])).toBe("canceled")
    expect(purchaseStatus(["completed", "pending"])).toBe("pending")
    expect(purchaseFulfillmentStatus(["delivered", "shipped"])).toBe("partially_delivered")
    expect(purchaseFulfillmentStatus(["not_fulfilled", "partially_shipped"])).toBe("partially_shipped")
    expect(purchaseFulfillmentStatus(["shipped", "shipped"])).toBe("shipped")
  })

  it("shows a union shipping choice as the one method the shopper chose, with the sums; methods chosen per cooperative stay apart", () => {
    const union = (id: string, amount: number) => ({
      shipping_methods: [{
        id: `ordsm_${id}`, name: `Giao tiêu chuẩn ${id}`, shipping_option_id: `so_${id}`, amount, raw_amount: { value: String(amount), precision: 20 },
        total: amount, tax_lines: [{ id: `tl_${id}` }],
        data: { union_choice: "so_union_standard", union_choice_name: "Giao hàng tiêu chuẩn (HTX A + HTX B)" },
      }],
    })
    const one = combinePurchase({ orders: [order("order_1", union("1", 30000)), order("order_2", union("2", 25000))], lead_id: "order_1", payment_collections: [], purchase: null }) as any
    expect(one.shipping_methods).toHaveLength(1)
    expect(one.shipping_methods[0]).toMatchObject({
      id: "ordsm_so_union_standard", shipping_option_id: "so_union_standard", name: "Giao hàng tiêu chuẩn (HTX A + HTX B)",
      amount: 55000, total: 55000, raw_amount: { value: "55000" }, tax_lines: [{ id: "tl_1" }, { id: "tl_2" }],
    })
    expect(one.shipping_methods[0].data.shipping_methods.map((m: any) => [m.id, m.amount])).toEqual([["ordsm_1", 30000], ["ordsm_2", 25000]])
    expect(one.shipping_total).toBe(60000)

    // One per cooperative, or two different choices, or a cooperative without one: left as they are.
    const other = union("2", 25000)
    other.shipping_methods[0].data.union_choice = "so_union_express"
    for (const orders of [[order("order_1"), order("order_2")], [order("order_1", union("1", 30000)), order("order_2", other)], [order("order_1", union("1", 30000)), order("order_2")]]) {
      const apart = combinePurchase({ orders, lead_id: "order_1", payment_collections: [], purchase: null }) as any
      expect(apart.shipping_methods).toHaveLength(2)
    }
  })
})
