import { layOut, localeOf } from "../../src/notifications/layout"
import { renderNotification, TEMPLATES, UnknownTemplateError } from "../../src/notifications/templates"

// Every email template, rendered with its sample data in both languages, as the SMTP provider would.
describe("email templates", () => {
  const previous = process.env.UNION_NAME
  beforeAll(() => (process.env.UNION_NAME = "Liên minh Hợp tác xã tỉnh Phú Thọ"))
  afterAll(() => (process.env.UNION_NAME = previous))

  const names = Object.keys(TEMPLATES)

  it.each(names.flatMap((n) => [[n, "vi"], [n, "en"]]))("%s renders in %s as HTML and text with the union's name", (name, lang) => {
    const email = renderNotification(name, TEMPLATES[name].sample, lang)
    expect(email.subject.length).toBeGreaterThan(5)
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Liên minh Hợp tác xã tỉnh Phú Thọ")
      expect(body).not.toMatch(/undefined|NaN|\[object |null/)
    }
    expect(email.html).toMatch(/^<!doctype html><html lang="(vi|en)">/)
    expect(email.html).toContain(`lang="${lang}"`)
  })

  it("writes amounts in whole đồng and times in Vietnam time", () => {
    const placed = renderNotification("purchase-placed", TEMPLATES["purchase-placed"].sample, "vi")
    expect(placed.subject).toBe("Đã nhận đơn hàng của bạn: 330.000\u00a0₫")
    expect(placed.text).toContain("Trà xanh Thanh Sơn 200 g × 2: 240.000\u00a0₫")
    expect(placed.text).toContain("Nội dung chuyển khoản: CSABCD2345")
    expect(placed.text).toContain("Số tài khoản: 113366668888")
    // 08:30 UTC is 15:30 in Vietnam.
    expect(placed.text).toContain("lúc 01/12/2026 15:30")
    const en = renderNotification("purchase-placed", TEMPLATES["purchase-placed"].sample, "en-GB")
    expect(en.subject).toBe("We received your order: 330.000\u00a0₫")
    expect(en.text).toContain("Transfer message: CSABCD2345")
    const payout = renderNotification("payout-paid", TEMPLATES["payout-paid"].sample)
    expect(payout.subject).toBe("Đã chuyển 1.250.000\u00a0₫ cho kỳ 2026-11")
    const expiring = renderNotification("ocop_rating-expiring", TEMPLATES["ocop_rating-expiring"].sample)
    expect(expiring.text).toContain("đến hết ngày 31/12/2026")
  })

  it("speaks Vietnamese unless the recipient is known to read English", () => {
    expect(localeOf(undefined)).toBe("vi")
    expect(localeOf("fr")).toBe("vi")
    expect(localeOf("en-US")).toBe("en")
    expect(localeOf(" EN ")).toBe("en")
    expect(renderNotification("order-shipped", { ...TEMPLATES["order-shipped"].sample, locale: "en" }).subject).toMatch(/shipped/)
    expect(renderNotification("order-shipped", TEMPLATES["order-shipped"].sample).subject).toBe("HTX Chè Thanh Nam đã gửi hàng (đơn #11)")
  })

  it("escapes what a cooperative typed into HTML, and keeps the action link in the text", () => {
    const email = renderNotification("order-to-pack", { ...TEMPLATES["order-to-pack"].sample, cooperative_name: `<img src=x onerror=alert(1)> "HTX"` })
    expect(email.html).not.toContain("<img")
    expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;HTX&quot;")
    expect(email.text).toContain("Mở đơn hàng: https://api.example.vn/cooperative/orders/order_1")
    const link = layOut({ subject: "s", intro: [], action: { label: "x", url: `https://a.vn/?a=1&b="2"` } }, "vi")
    expect(link.html).toContain(`href="https://a.vn/?a=1&amp;b=&quot;2&quot;"`)
  })

  it("tells the shopper each turn of a return, the cooperative and the union what concerns them", () => {
    const t = (name: string, data: Record<string, unknown> = {}, lang = "vi") => renderNotification(name, { ...TEMPLATES[name].sample, ...data }, lang)
    expect(t("return-refunded").subject).toBe("Đã hoàn 240.000\u00a0₫ cho hàng trả (đơn #12)")
    expect(t("return-refunded", {}, "en").subject).toBe("240.000\u00a0₫ refunded for your return (order #12)")
    expect(t("return-refused").text).toContain("Lý do: Sản phẩm đã qua sử dụng")
    expect(t("return-decided", { decision: "refuse" }).subject).toBe("Liên minh không chấp nhận trả hàng (đơn #12)")
    expect(t("return-decided", { decision: "accept" }, "en").text).toContain("240.000\u00a0₫ is refunded to you")
    expect(t("cooperative-return-requested").text).toContain("Lý do của khách: Gói trà bị rách khi nhận")
    expect(t("cooperative-return-requested").text).toContain("/cooperative/orders/order_01")
    expect(t("admin-return-escalated").subject).toBe("Trả hàng cần Liên minh quyết định: đơn #12 của HTX Chè Thanh Nam")
    expect(t("product-rejected").text).toContain("Lý do: Thiếu ảnh bao bì và hạn sử dụng")
    expect(t("product-published", { changes: true }).subject).toBe('Đã duyệt thay đổi của "Trà xanh Thanh Nam 200 g"')
    expect(t("review-replied").text).toContain("“Cảm ơn anh/chị đã ủng hộ hợp tác xã!”")
  })

  it("refuses a template it does not know", () => {
    expect(() => renderNotification("no-such-message", {})).toThrow(UnknownTemplateError)
  })
})
