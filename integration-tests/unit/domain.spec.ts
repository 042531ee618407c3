import { formatVnd } from "../../src/lib/money"
import { canonicalProvince } from "../../src/lib/provinces"
import { normalizeTaxCode } from "../../src/lib/tax-code"
import { foldVietnamese, toHandle } from "../../src/lib/text"

describe("Vietnamese tax codes", () => {
  it("accepts real 10-digit codes whose check digit is right", () => {
    expect(normalizeTaxCode("0100109106")).toBe("0100109106")
    expect(normalizeTaxCode("0101243150")).toBe("0101243150")
  })
  it("accepts a branch suffix with or without the hyphen and stores it hyphenated", () => {
    expect(normalizeTaxCode("0100109106-001")).toBe("0100109106-001")
    expect(normalizeTaxCode("0100109106001")).toBe("0100109106-001")
    expect(normalizeTaxCode("0100 109 106")).toBe("0100109106")
  })
  it("refuses a wrong check digit, wrong lengths and a 000 branch", () => {
    expect(normalizeTaxCode("0100109107")).toBeNull()
    expect(normalizeTaxCode("010010910")).toBeNull()
    expect(normalizeTaxCode("01001091061")).toBeNull()
    expect(normalizeTaxCode("0100109106-000")).toBeNull()
    expect(normalizeTaxCode("abc")).toBeNull()
  })
})

describe("Vietnamese folding", () => {
  it("strips marks and maps đ to d, for composed and decomposed input alike", () => {
    expect(foldVietnamese("Trà xanh")).toBe("tra xanh")
    expect(foldVietnamese("Dầu phộng")).toBe("dau phong")
    expect(foldVietnamese("Đá Hen")).toBe("da hen")
    expect(foldVietnamese("Đá Hen".normalize("NFD"))).toBe("da hen")
  })
  it("makes URL-safe handles", () => {
    expect(toHandle("HTX Chè Đá Hen")).toBe("htx-che-da-hen")
  })
})

describe("provinces since 1 July 2025", () => {
  it("finds the canonical name however it is typed", () => {
    expect(canonicalProvince("phu tho")).toBe("Phú Thọ")
    expect(canonicalProvince("Tỉnh Phú Thọ")).toBe("Phú Thọ")
    expect(canonicalProvince("PHÚ THỌ".normalize("NFD"))).toBe("Phú Thọ")
    expect(canonicalProvince("TP Hồ Chí Minh")).toBe("Thành phố Hồ Chí Minh")
  })
  it("refuses provinces merged away in 2025", () => {
    expect(canonicalProvince("Vĩnh Phúc")).toBeNull()
    expect(canonicalProvince("Bến Tre")).toBeNull()
  })
})

describe("money", () => {
  it("formats whole đồng the Vietnamese way", () => {
    expect(formatVnd(120000).replace(/\s/g, " ")).toBe("120.000 ₫")
  })
})
