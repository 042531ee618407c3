import { dayOrderIssues } from "../../src/api/vendor/lots/validators"
import { LOT_CODE_PATTERN, newLotCode, normalizeLotCode } from "../../src/lib/traceability/code"
import { formatInstant, isCalendarDay } from "../../src/lib/traceability/days"
import { gtinForms, isValidGtin, variantGtin, withCheckDigit } from "../../src/lib/traceability/gtin"

describe("GTIN", () => {
  it("verifies the GS1 check digit in every length", () => {
    expect(isValidGtin("8938607120017")).toBe(true)
    expect(isValidGtin("8938607120018")).toBe(false)
    expect(isValidGtin("4006381333931")).toBe(true)
    expect(isValidGtin("96385074")).toBe(true) // GTIN-8
    expect(isValidGtin("036000291452")).toBe(true) // GTIN-12 (UPC-A)
    expect(isValidGtin("08938607120017")).toBe(true) // GTIN-14
    expect(isValidGtin("893860712001")).toBe(false) // 12 digits, wrong check
    expect(isValidGtin("89386071200")).toBe(false) // 11 digits
    expect(isValidGtin("893860712001a")).toBe(false)
    expect(withCheckDigit("893860712001")).toBe("8938607120017")
  })
  it("lists every written form of one GTIN", () => {
    expect(gtinForms("8938607120017")).toEqual(["08938607120017", "8938607120017"])
    expect(gtinForms("036000291452")).toEqual(["00036000291452", "0036000291452", "036000291452"])
    expect(gtinForms("96385074")).toEqual(["00000096385074", "0000096385074", "000096385074", "96385074"])
  })
  it("takes a variant's EAN, else its barcode, only when valid", () => {
    expect(variantGtin({ ean: null, barcode: " 8938607120017 " })).toBe("8938607120017")
    expect(variantGtin({ ean: "123", barcode: "8938607120017" })).toBe("8938607120017")
    expect(variantGtin({ barcode: "SKU-1" })).toBeNull()
  })
})

describe("lot codes", () => {
  it("are 10 unambiguous characters and do not repeat", () => {
    const codes = new Set(Array.from({ length: 2000 }, newLotCode))
    expect(codes.size).toBe(2000)
    for (const code of codes) expect(code).toMatch(LOT_CODE_PATTERN)
    expect([...codes].join("")).not.toMatch(/[01IO]/)
  })
  it("are read however a shopper types them", () => {
    expect(normalizeLotCode("abcd-efgh jk")).toBe("ABCDEFGHJK")
    expect(normalizeLotCode("ABCDEFGHJ0")).toBeNull()
    expect(normalizeLotCode("<script>")).toBeNull()
  })
})

describe("calendar days", () => {
  it("accepts real days only", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true)
    expect(isCalendarDay("2026-02-29")).toBe(false)
    expect(isCalendarDay("2026-2-1")).toBe(false)
  })
  it("orders harvest, packing and best-before", () => {
    expect(dayOrderIssues({ harvested_on: "2026-10-01", packed_on: "2026-10-02", best_before: "2027-10-02" })).toEqual([])
    expect(dayOrderIssues({ harvested_on: "2026-10-03", packed_on: "2026-10-02" }).map((i) => i.path)).toEqual(["packed_on"])
    expect(dayOrderIssues({ harvested_on: "2026-10-03", best_before: "2026-10-02" }).map((i) => i.path)).toEqual(["best_before"])
  })
  it("shows instants in Vietnam time", () => {
    expect(formatInstant("2026-10-01T17:30:00Z")).toBe("02/10/2026 00:30")
  })
})
