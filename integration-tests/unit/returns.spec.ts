import { commissionGivenBack, returnCommissionKeptPercent, returnWindowDays, shareOfUnits } from "../../src/modules/ledger/rules/returns"

describe("returns: the money of returned units", () => {
  it("splits an item's sale per unit with cumulative rounding: every unit returned in any steps gives back the whole sale", () => {
    // 100.000 ₫ for 3 units: 33.333, 33.334, 33.333 (cumulative 33.333, 66.667, 100.000).
    expect([shareOfUnits(100000, 3, 0, 1), shareOfUnits(100000, 3, 1, 1), shareOfUnits(100000, 3, 2, 1)]).toEqual([33333, 33334, 33333])
    for (const steps of [[3], [1, 2], [2, 1], [1, 1, 1]]) {
      let before = 0
      let total = 0
      for (const q of steps) {
        total += shareOfUnits(100000, 3, before, q)
        before += q
      }
      expect(total).toBe(100000)
    }
    expect(shareOfUnits(240000, 2, 0, 1)).toBe(120000)
    expect(shareOfUnits(0, 2, 0, 1)).toBe(0)
  })

  it("gives back the commission less what the union keeps", () => {
    expect(commissionGivenBack(24000, 0)).toBe(24000)
    expect(commissionGivenBack(24000, 50)).toBe(12000)
    expect(commissionGivenBack(24000, 100)).toBe(0)
    expect(commissionGivenBack(3333, 50)).toBe(1666)
  })

  it("reads and validates its settings", () => {
    const saved = { w: process.env.RETURN_WINDOW_DAYS, k: process.env.RETURN_COMMISSION_KEPT_PERCENT }
    try {
      delete process.env.RETURN_WINDOW_DAYS
      delete process.env.RETURN_COMMISSION_KEPT_PERCENT
      expect([returnWindowDays(), returnCommissionKeptPercent()]).toEqual([7, 0])
      process.env.RETURN_WINDOW_DAYS = "14"
      process.env.RETURN_COMMISSION_KEPT_PERCENT = "25"
      expect([returnWindowDays(), returnCommissionKeptPercent()]).toEqual([14, 25])
      for (const bad of ["-1", "1.5", "abc", "366"]) {
        process.env.RETURN_WINDOW_DAYS = bad
        expect(() => returnWindowDays()).toThrow(/RETURN_WINDOW_DAYS/)
      }
      for (const bad of ["101", "-5", "ten"]) {
        process.env.RETURN_COMMISSION_KEPT_PERCENT = bad
        expect(() => returnCommissionKeptPercent()).toThrow(/RETURN_COMMISSION_KEPT_PERCENT/)
      }
    } finally {
      ;(saved.w === undefined ? delete process.env.RETURN_WINDOW_DAYS : (process.env.RETURN_WINDOW_DAYS = saved.w))
      ;(saved.k === undefined ? delete process.env.RETURN_COMMISSION_KEPT_PERCENT : (process.env.RETURN_COMMISSION_KEPT_PERCENT = saved.k))
    }
  })
})
