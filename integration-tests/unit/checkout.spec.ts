import { allocateVnd } from "../../src/lib/money"
import { orderProgress } from "../../src/workflows/order/utils/order-progress"
import { newTransferReference } from "../../src/modules/payment-vietqr/service"

describe("a payment split across cooperatives' orders, in whole đồng", () => {
  it("gives each order exactly its total when the totals are whole", () => {
    expect(allocateVnd(395000, [270000, 125000])).toEqual([270000, 125000])
  })
  it("hands the đồng left by a fractional discount to the largest remainders, and always sums to the payment", () => {
    // A 10% voucher over three orders of 100.005 ₫ worth leaves fractions on every order.
    const parts = allocateVnd(270014, [90004.5, 90004.7, 90004.8])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(270014)
    expect(parts).toEqual([90004, 90005, 90005])
  })
  it("breaks ties towards the earlier order, the same way every time", () => {
    expect(allocateVnd(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(allocateVnd(100, [1, 1, 1])).toEqual(allocateVnd(100, [1, 1, 1]))
  })
  it("splits evenly when every order is free, and refuses fractions of a đồng", () => {
    expect(allocateVnd(5, [0, 0])).toEqual([3, 2])
    expect(() => allocateVnd(10.5, [1])).toThrow()
    expect(allocateVnd(0, [10, 20])).toEqual([0, 0])
  })
})

describe("where a cooperative's order stands", () => {
  it("moves from pending through packed and shipped to delivered; canceled wins", () => {
    expect(orderProgress({ status: "pending", fulfillments: [] })).toBe("pending")
    expect(orderProgress({ status: "pending", fulfillments: [{ id: "f" }] })).toBe("fulfilled")
    expect(orderProgress({ status: "pending", fulfillments: [{ id: "f", shipped_at: new Date() }] })).toBe("shipped")
    expect(orderProgress({ status: "pending", fulfillments: [{ id: "f", shipped_at: new Date(), delivered_at: new Date() }] })).toBe("delivered")
    expect(orderProgress({ status: "pending", fulfillments: [{ id: "f", canceled_at: new Date() }] })).toBe("pending")
    expect(orderProgress({ status: "canceled", fulfillments: [{ id: "f", shipped_at: new Date() }] })).toBe("canceled")
  })
})

describe("a bank-transfer reference", () => {
  it("is short, upper-case and free of look-alike characters", () => {
    for (let i = 0; i < 50; i++) expect(newTransferReference()).toMatch(/^CS[A-HJ-NP-Z2-9]{8}$/)
  })
})
