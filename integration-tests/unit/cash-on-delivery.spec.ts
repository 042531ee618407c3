import { collectorFor, unionCodCollector } from "../../src/modules/order-group/rules/collector"
import { deliveredOrderAvailability } from "../../src/workflows/ledger/read/paid-in"
import { parseRemittanceCsv, parseRemittedAt, parseVnd, splitCsv } from "../../src/modules/ledger/rules/remittance-csv"

const DAY = 86_400_000
const delivered = new Date("2026-12-01T03:00:00Z")

describe("when a delivered order becomes payable", () => {
  it("cash the cooperative collected itself: at delivery, whatever the hold", () => {
    expect(deliveredOrderAvailability({ collector: "cooperative", delivered_at: delivered, hold_days: 7, paid_in_at: null })).toEqual({ available_at: delivered })
  })

  it("money the union collects: never before it is in, and not before the hold has passed", () => {
    expect(deliveredOrderAvailability({ collector: "union", delivered_at: delivered, hold_days: 7, paid_in_at: null })).toEqual({ awaiting_payment: true })
    const early = new Date(delivered.getTime() - 3 * DAY)
    expect(deliveredOrderAvailability({ collector: "union", delivered_at: delivered, hold_days: 7, paid_in_at: early })).toEqual({ available_at: new Date(delivered.getTime() + 7 * DAY) })
    const late = new Date(delivered.getTime() + 20 * DAY)
    expect(deliveredOrderAvailability({ collector: "union", delivered_at: delivered, hold_days: 7, paid_in_at: late })).toEqual({ available_at: late })
    expect(deliveredOrderAvailability({ collector: "union", delivered_at: delivered, hold_days: 0, paid_in_at: delivered })).toEqual({ available_at: delivered })
  })

  it("only cash on delivery can be collected by the cooperative; the union's COD_COLLECTOR is the default", () => {
    const saved = process.env.COD_COLLECTOR
    try {
      delete process.env.COD_COLLECTOR
      expect(unionCodCollector()).toBe("cooperative")
      expect(collectorFor("vietqr", "cooperative")).toBe("union")
      expect(collectorFor("cod", null)).toBe("cooperative")
      process.env.COD_COLLECTOR = "union"
      expect(collectorFor("cod", null)).toBe("union")
      expect(collectorFor("cod", "cooperative")).toBe("cooperative")
      process.env.COD_COLLECTOR = "bank"
      expect(() => unionCodCollector()).toThrow(/COD_COLLECTOR/)
    } finally {
      saved === undefined ? delete process.env.COD_COLLECTOR : (process.env.COD_COLLECTOR = saved)
    }
  })
})

describe("a carrier's remittance statement", () => {
  it("reads amounts and days as carriers write them", () => {
    expect(["120000", "120.000", "120,000", "120 000 ₫", "1.250.000đ", "75000 VND"].map(parseVnd)).toEqual([120000, 120000, 120000, 120000, 1250000, 75000])
    expect(["", "12.5", "1.20.000", "120.000,00", "-5", "1e5", "abc", "1.000,000"].map(parseVnd)).toEqual([null, null, null, null, null, null, null, null])
    expect(parseRemittedAt("2026-12-01")).toBe("2026-11-30T17:00:00.000Z")
    expect(parseRemittedAt("1/12/2026")).toBe("2026-11-30T17:00:00.000Z")
    expect(parseRemittedAt("2026-12-01T10:00:00+07:00")).toBe("2026-12-01T03:00:00.000Z")
    for (const bad of ["31/02/2026", "2026-13-01", "2026-12-01T10:00:00", "hôm nay", "1899-01-01", "99999-01-01"]) expect(parseRemittedAt(bad)).toBeNull()
  })

  it("splits quoted cells, separators and line ends; an unclosed quote is not a table", () => {
    expect(splitCsv('a,"b,c","d ""e"""\r\n1,2,3', ",")).toEqual([["a", "b,c", 'd "e"'], ["1", "2", "3"]])
    expect(splitCsv('a,"b', ",")).toBeNull()
  })

  it("names each bad row and keeps the good ones; refuses a file that is no table", () => {
    const parsed = parseRemittanceCsv("\uFEFFMa don;Don vi van chuyen;So tien;Ma tham chieu\r\n#12;GHN;80.000;CK1\r\norder_01ABC;GHTK;75000;\r\n\r\nx;GHN;1;\r\n#13;GHN;0;\r\n")
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.rows).toEqual([
      { line: 2, order: { display_id: 12 }, carrier: "GHN", amount: 80000, reference: "CK1", remitted_at: null },
      { line: 3, order: { id: "order_01ABC" }, carrier: "GHTK", amount: 75000, reference: null, remitted_at: null },
    ])
    expect(parsed.issues.map((i) => [i.line, i.code])).toEqual([[5, "invalid_order"], [6, "invalid_amount"]])
    expect(parseRemittanceCsv("")).toMatchObject({ ok: false, code: "empty_statement" })
    expect(parseRemittanceCsv("foo,bar\n1,2")).toMatchObject({ ok: false, code: "invalid_csv_header" })
    expect(parseRemittanceCsv("order,carrier,amount\n" + "#1,GHN,1\n".repeat(2001))).toMatchObject({ ok: false, code: "statement_too_large" })
    expect(parseRemittanceCsv(42 as any)).toMatchObject({ ok: false })
  })
})
