import { failedDeliveryAmount, failedDeliveryCostBearer, returnShippingPaidBy } from "../../src/modules/order-group/rules/failed-delivery"

// Who bears a failed delivery's return shipping (docs/money/failed-deliveries.md).
describe("the return shipping cost of a parcel that came back", () => {
  it("moves from whoever paid the carrier to whoever the union's rule says bears it, in all four cases", () => {
    expect({
      union_paid_cooperative_bears: failedDeliveryAmount(32000, "union", "cooperative"),
      cooperative_paid_union_bears: failedDeliveryAmount(32000, "cooperative", "union"),
      union_paid_union_bears: failedDeliveryAmount(32000, "union", "union"),
      cooperative_paid_cooperative_bears: failedDeliveryAmount(32000, "cooperative", "cooperative"),
    }).toEqual({
      union_paid_cooperative_bears: -32000,
      cooperative_paid_union_bears: 32000,
      union_paid_union_bears: 0,
      cooperative_paid_cooperative_bears: 0,
    })
    // A free return is a zero line whoever bears it (never -0).
    expect(Object.is(failedDeliveryAmount(0, "union", "cooperative"), 0)).toBe(true)
  })

  it("the union paid the carrier only for cash on delivery it collects through its own carrier contract", () => {
    expect(returnShippingPaidBy({ method: "cod", collector: "union" })).toBe("union")
    expect(returnShippingPaidBy({ method: "cod", collector: "cooperative" })).toBe("cooperative")
    expect(returnShippingPaidBy({ method: "vietqr", collector: "union" })).toBe("cooperative")
    expect(returnShippingPaidBy({ method: "stripe", collector: "union" })).toBe("cooperative")
    // A share written before issue 13 reads its method from the purchase's payment provider.
    expect(returnShippingPaidBy({}, "pp_system_default")).toBe("union")
    expect(returnShippingPaidBy({}, "pp_vietqr_vietqr")).toBe("cooperative")
  })

  it("the cooperative bears it unless FAILED_DELIVERY_COST_BEARER says the union does; any other value is refused when used", () => {
    const saved = process.env.FAILED_DELIVERY_COST_BEARER
    try {
      delete process.env.FAILED_DELIVERY_COST_BEARER
      expect(failedDeliveryCostBearer()).toBe("cooperative")
      process.env.FAILED_DELIVERY_COST_BEARER = " union "
      expect(failedDeliveryCostBearer()).toBe("union")
      process.env.FAILED_DELIVERY_COST_BEARER = "shopper"
      expect(() => failedDeliveryCostBearer()).toThrow(/FAILED_DELIVERY_COST_BEARER/)
    } finally {
      saved === undefined ? delete process.env.FAILED_DELIVERY_COST_BEARER : (process.env.FAILED_DELIVERY_COST_BEARER = saved)
    }
  })
})
