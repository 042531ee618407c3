import { dayOrderIssues } from "../../src/api/vendor/lots/validators"
import { LOT_CODE_PATTERN, newLotCode, normalizeLotCode } from "../../src/modules/traceability/rules/code"
import { formatInstant, isCalendarDay } from "../../src/lib/dates"
import { gtinForms, isValidGtin, variantGtin, withCheckDigit } from "../../src/modules/traceability/rules/gtin"
import { renderTracePage } from "../../src/workflows/traceability/read/page"
import { viewLifetime, type TraceView } from "../../src/workflows/traceability/read/view"

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

describe("the trace page", () => {
  const view: TraceView = {
    code: "ABCDEFGHJK",
    lot: {
      code: "ABCDEFGHJK", lot_number: "TN-01", quantity: 1500, unit: "hộp", harvested_on: "2026-10-01", packed_on: "2026-10-05", best_before: "2027-10-05",
      origin: { area: "Đồi chè <Khu 5>", ward: "Xã Thanh Sơn", province: "Phú Thọ", growing_area_code: "PT-05" }, published_at: "2026-10-06T00:00:00.000Z",
    },
    product: { id: "prod_1", title: "Trà xanh", subtitle: null, handle: "tra-xanh", thumbnail: "javascript:alert(1)", images: [] },
    variant: { id: "variant_1", title: "Hộp 200g", gtin: "8938607120017" },
    cooperative: { handle: "htx", name: "HTX Chè Thanh Nam", province: "Phú Thọ", ward: "Xã Thanh Sơn", street_address: "Khu 5", phone: "0210 3871 234", email: "lienhe@thanhnam.vn", logo_url: null },
    events: [],
    ocop_rating: {
      id: "ocop_1", stars: 3, product_group: "drinks", decision_number: "303/QĐ-UBND", issuing_authority: "UBND tỉnh Phú Thọ",
      decision_date: "2025-01-10", valid_until: "2028-01-09", expires_at: "2028-01-09T17:00:00.000Z",
    },
    certificates: [{ id: "cert_1", type: "vietgap", code: "VietGAP-TT-13-09-68-0096", issuing_body: "Trung tâm <Chứng nhận>", valid_until: "2026-12-31", expires_at: "2026-12-31T17:00:00.000Z" }],
    on_sale: false,
    buy_url: null,
    links: { trace_url: "https://truyxuat.example.vn/t/ABCDEFGHJK", digital_link: "https://truyxuat.example.vn/01/8938607120017/10/TN-01" },
  }

  it("shows OCOP stars and certificates, escaped, and no buy link when not on sale", () => {
    const html = renderTracePage(view)
    expect(html).toContain("OCOP ★★★ (3 sao)")
    expect(html).toContain("303/QĐ-UBND")
    expect(html).toContain("09/01/2028")
    expect(html).toContain("VietGAP-TT-13-09-68-0096 — Trung tâm &lt;Chứng nhận&gt;")
    expect(html).toContain("Đồi chè &lt;Khu 5&gt;")
    expect(html).toContain("8938607120017")
    expect(html).not.toContain("javascript:")
    expect(html).not.toContain("Mua sản phẩm này")
    expect(html).toContain("Hợp tác xã chưa ghi nhận bước nào")
  })

  it("is cached for one TTL, served stale for one more while rebuilt, and never past an expiry it shows", () => {
    const expiry = Date.parse("2026-12-31T17:00:00.000Z")
    expect(viewLifetime(view, expiry - 10_000)).toEqual({ refreshAt: expiry, expiresAt: expiry })
    expect(viewLifetime(view, expiry - 45_000)).toEqual({ refreshAt: expiry - 15_000, expiresAt: expiry })
    const now = Date.parse("2026-06-01T00:00:00.000Z")
    expect(viewLifetime({ ocop_rating: null, certificates: [] }, now)).toEqual({ refreshAt: now + 30_000, expiresAt: now + 60_000 })
  })
})
