import { commissionOn, CommissionRule, pickRate } from "../../src/modules/ledger/rules/commission"
import { attributeRefund } from "../../src/workflows/ledger/read/refunds"

const rule = (id: string, scope: CommissionRule["scope"], rate_bps: number, cooperative_id: string | null = null, category_id: string | null = null): CommissionRule => ({
  id, scope, rate_bps, cooperative_id, category_id,
})

describe("commission rates", () => {
  const rules = [
    rule("r-default", "default", 1000),
    rule("r-tea", "category", 1500, null, "cat-tea"),
    rule("r-gift", "category", 1200, null, "cat-gift"),
    rule("r-thanhnam", "cooperative", 800, "coop-thanhnam"),
    rule("r-dahen-tea", "cooperative_category", 500, "coop-dahen", "cat-tea"),
  ]

  it("the most specific rule applies: cooperative in category, then cooperative, then category, then the default", () => {
    expect(pickRate(rules, "coop-dahen", ["cat-tea"])).toEqual({ rate_bps: 500, commission_rate_id: "r-dahen-tea", scope: "cooperative_category" })
    expect(pickRate(rules, "coop-thanhnam", ["cat-tea"])).toEqual({ rate_bps: 800, commission_rate_id: "r-thanhnam", scope: "cooperative" })
    expect(pickRate(rules, "coop-datto", ["cat-tea"])).toMatchObject({ rate_bps: 1500, commission_rate_id: "r-tea" })
    expect(pickRate(rules, "coop-datto", [])).toMatchObject({ rate_bps: 1000, commission_rate_id: "r-default" })
    // Đá Hen's own rule for tea does not reach its other products.
    expect(pickRate(rules, "coop-dahen", ["cat-gift"])).toMatchObject({ rate_bps: 1200, commission_rate_id: "r-gift" })
  })

  it("a product in two categories pays the lower of their rates, whatever the order they are listed in", () => {
    expect(pickRate(rules, "coop-datto", ["cat-tea", "cat-gift"])).toMatchObject({ rate_bps: 1200, commission_rate_id: "r-gift" })
    expect(pickRate([...rules].reverse(), "coop-datto", ["cat-gift", "cat-tea"])).toMatchObject({ rate_bps: 1200, commission_rate_id: "r-gift" })
  })

  it("without any default rule the union-wide COMMISSION_DEFAULT_BPS applies (10 % unless configured)", () => {
    const saved = process.env.COMMISSION_DEFAULT_BPS
    try {
      delete process.env.COMMISSION_DEFAULT_BPS
      expect(pickRate([], "coop-datto", [])).toEqual({ rate_bps: 1000, commission_rate_id: null, scope: "default" })
      process.env.COMMISSION_DEFAULT_BPS = "750"
      expect(pickRate([], "coop-datto", [])).toMatchObject({ rate_bps: 750, commission_rate_id: null })
      process.env.COMMISSION_DEFAULT_BPS = "12.5"
      expect(() => pickRate([], "coop-datto", [])).toThrow(/COMMISSION_DEFAULT_BPS/)
    } finally {
      if (saved === undefined) delete process.env.COMMISSION_DEFAULT_BPS
      else process.env.COMMISSION_DEFAULT_BPS = saved
    }
  })

  it("commission is a whole number of đồng taken off the sale, half rounding up", () => {
    expect(commissionOn(240000, 1500)).toBe(-36000)
    expect(commissionOn(18005, 1000)).toBe(-1801) // 1800.5 → 1801
    expect(commissionOn(18004, 1000)).toBe(-1800)
    expect(commissionOn(95000, 0) || 0).toBe(0)
  })
})

describe("refund attribution", () => {
  const two = [
    { order_id: "o1", cooperative_id: "c1", amount: 100 },
    { order_id: "o2", cooperative_id: "c2", amount: 50 },
  ]
  it("a refund names its order; one of a single-cooperative purchase needs no name; one naming no order of a shared purchase belongs to nobody", () => {
    expect(attributeRefund({ metadata: { order_id: "o2" } }, two)).toBe("o2")
    expect(attributeRefund({ metadata: { order_id: "elsewhere" } }, two)).toBeNull()
    expect(attributeRefund({ metadata: null }, two)).toBeNull()
    expect(attributeRefund({}, [two[0]])).toBe("o1")
  })
})
