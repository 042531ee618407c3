import { TEMPLATES } from "../../src/notifications/templates"
import { ZNS_FORMS, znsPhone, znsTemplateIds } from "../../src/notifications/zns"

// The ZNS side of each message (src/notifications/zns.ts): numbers as Zalo wants them, parameters
// within Zalo's limits, and the template list an operator types into ZNS_TEMPLATES.
describe("Zalo ZNS messages", () => {
  it.each([
    ["0905123456", "84905123456"],
    ["0905 123 456", "84905123456"],
    ["+84 905-123-456", "84905123456"],
    ["(84) 905.123.456", "84905123456"],
    ["84905123456", "84905123456"],
    ["+84 0905 123 456", "84905123456"],
    ["0387654321", "84387654321"],
  ])("writes %s as %s", (typed, zalo) => expect(znsPhone(typed)).toBe(zalo))

  it.each(["", "0234 3822 123", "0123456789", "090512345", "09051234567", "+1 415 555 0100", "abc0905123456", null, 905123456])("has no Zalo number for %p", (typed) => {
    expect(znsPhone(typed)).toBeNull()
  })

  it.each(Object.keys(ZNS_FORMS))("%s: every message with a ZNS form is an email template too, and its parameters are short text or whole đồng", (name) => {
    expect(TEMPLATES[name]).toBeDefined()
    const params = ZNS_FORMS[name].params(TEMPLATES[name].sample)
    for (const [key, value] of Object.entries(params)) {
      if (typeof value === "number") expect([key, Number.isInteger(value)]).toEqual([key, true])
      else expect([key, value.length > 0 && [...value].length <= 100, /undefined|NaN|null|\[object/.test(value)]).toEqual([key, true, false])
    }
  })

  it("keeps Vietnamese text as typed (NFC) and cuts long text instead of refusing it", () => {
    const decomposed = "HTX Chè Thanh Nam".normalize("NFD")
    const params = ZNS_FORMS["cooperative-return-requested"].params({ cooperative_name: decomposed, display_id: 12, amount: 120000.4, note: "Hộp trà bị móp ".repeat(20) })
    expect(params.cooperative_name).toBe("HTX Chè Thanh Nam".normalize("NFC"))
    expect(params.amount).toBe(120000)
    expect([...String(params.reason)].length).toBe(90)
    expect(String(params.reason).endsWith("…")).toBe(true)
    const placed = ZNS_FORMS["purchase-placed"].params(TEMPLATES["purchase-placed"].sample)
    expect(placed).toEqual({ order_code: "#11, #12", cooperatives: "HTX Chè Thanh Nam, Dafusa Phú Đa", total: 330000, payment: "Chuyển khoản VietQR", transfer_message: "CSABCD2345", placed_at: "01/12/2026 15:30" })
  })

  it("reads ZNS_TEMPLATES as message=template_id pairs and refuses what it cannot use", () => {
    expect(znsTemplateIds("")).toEqual({})
    expect(znsTemplateIds(" purchase-placed=231234 , order-shipped = 231235,")).toEqual({ "purchase-placed": "231234", "order-shipped": "231235" })
    expect(() => znsTemplateIds("purchase-placed")).toThrow(/message=template_id/)
    expect(() => znsTemplateIds("auth-password-reset=1")).toThrow(/no ZNS form/)
    expect(() => znsTemplateIds("order-shipped=12 34")).toThrow()
  })
})
