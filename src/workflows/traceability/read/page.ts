import escapeHtml from "escape-html"
import { formatDay, formatInstant } from "../../../lib/dates"
import type { TraceView } from "./view"

// The public traceability page: server-rendered Vietnamese HTML, readable on a phone without
// JavaScript, all CSS inline. Every string a cooperative typed goes through `t()` (escape-html),
// and every URL through `href()`, which also refuses anything but http(s).

const t = (value: unknown) => escapeHtml(value === null || value === undefined ? "" : String(value))

function href(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const parsed = new URL(value)
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.toString()) : null
  } catch {
    return null
  }
}

export const EVENT_LABELS: Record<string, string> = {
  planting: "Gieo trồng",
  fertilising: "Bón phân",
  spraying: "Phun thuốc bảo vệ thực vật",
  harvest: "Thu hoạch",
  processing: "Chế biến",
  packing: "Đóng gói",
  lab_test: "Kiểm nghiệm",
  shipping: "Vận chuyển",
  other: "Hoạt động khác",
}

const CERTIFICATE_LABELS: Record<string, string> = {
  vietgap: "VietGAP",
  organic: "Hữu cơ",
  globalgap: "GlobalG.A.P.",
  other: "Chứng nhận",
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2a1f;background:#f4f7f2}
main{max-width:640px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:12px;padding:16px;margin:0 0 12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0 0 .5rem;color:#2f6b2f}
.muted{color:#5d6b5d;font-size:.9rem}.img{width:100%;max-height:320px;object-fit:cover;border-radius:8px;background:#e6ece3}
.badges{display:flex;flex-wrap:wrap;gap:6px;margin:.5rem 0}.badge{display:inline-block;padding:2px 10px;border-radius:999px;background:#e7f3e4;color:#2f6b2f;font-size:.85rem;font-weight:600}
.ocop{background:#fff4d6;color:#8a5a00}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}dt{color:#5d6b5d}dd{margin:0;font-weight:500}
ol.tl{list-style:none;margin:0;padding:0 0 0 18px;border-left:3px solid #cfe3c9}ol.tl li{position:relative;margin:0 0 14px}
ol.tl li:before{content:"";position:absolute;left:-26px;top:5px;width:13px;height:13px;border-radius:50%;background:#2f6b2f;border:2px solid #fff}
ol.tl li.corr:before{background:#c77d00}.when{font-size:.85rem;color:#5d6b5d}.what{font-weight:600}.desc{white-space:pre-line;overflow-wrap:anywhere}
.btn{display:block;text-align:center;padding:12px;border-radius:10px;background:#2f6b2f;color:#fff;text-decoration:none;font-weight:600;margin-top:8px}
.btn.alt{background:#fff;color:#2f6b2f;border:2px solid #2f6b2f}a{color:#2f6b2f}footer{text-align:center;font-size:.8rem;color:#5d6b5d;padding:8px 0 24px}
`.replace(/\n/g, "")

function layout(title: string, body: string, canonical?: string) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${t(title)}</title>${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ""}` +
    `<meta name="robots" content="noindex"><style>${CSS}</style></head><body><main>${body}` +
    `<footer>Truy xuất nguồn gốc trên coopstall · Liên minh Hợp tác xã</footer></main></body></html>`
}

const row = (label: string, value: string | null | undefined) => (value ? `<dt>${t(label)}</dt><dd>${t(value)}</dd>` : "")

const stars = (n: number) => "★".repeat(n)

function telHref(phone: string) {
  return `tel:${phone.replace(/[^\d+]/g, "")}`
}

export function renderTracePage(view: TraceView): string {
  const { lot, product, variant, cooperative } = view
  const picture = href(product.thumbnail) ?? href(product.images[0])
  const eventsById = new Map(view.events.map((e, i) => [e.id, i + 1]))

  const badges = [
    view.ocop_rating
      ? `<span class="badge ocop">OCOP ${stars(view.ocop_rating.stars)} (${view.ocop_rating.stars} sao)</span>`
      : "",
    ...view.certificates.map((c) => `<span class="badge">${t(CERTIFICATE_LABELS[c.type] ?? c.type)}</span>`),
  ].join("")

  const origin = [lot.origin.area, lot.origin.ward, lot.origin.province].filter(Boolean).join(", ")
  const quantity = lot.quantity !== null ? `${lot.quantity.toLocaleString("vi-VN")}${lot.unit ? ` ${lot.unit}` : ""}` : null

  const timeline = view.events.length
    ? `<ol class="tl">${view.events
        .map((e, i) => {
          const corrects = e.corrects_event_id && eventsById.has(e.corrects_event_id)
            ? `<div class="muted">Đính chính cho bước ${eventsById.get(e.corrects_event_id)}</div>` : ""
          const corrected = e.corrected_by.length ? `<div class="muted">Bước này đã được đính chính (xem bước ${e.corrected_by.map((id) => eventsById.get(id)).join(", ")})</div>` : ""
          const files = e.attachments
            .map((a) => (href(a.url) ? `<a href="${href(a.url)}" rel="nofollow noopener">${t(a.name)}</a>` : ""))
            .filter(Boolean)
            .join(" · ")
          return `<li${e.corrects_event_id ? ' class="corr"' : ""}><div class="when">${i + 1}. ${t(formatInstant(e.occurred_at))}</div>` +
            `<div class="what">${t(EVENT_LABELS[e.type] ?? e.type)}${e.title ? `: ${t(e.title)}` : ""}</div>` +
            (e.description ? `<div class="desc">${t(e.description)}</div>` : "") +
            (files ? `<div class="muted">Tài liệu: ${files}</div>` : "") + corrects + corrected + `</li>`
        })
        .join("")}</ol>`
    : `<p class="muted">Hợp tác xã chưa ghi nhận bước nào cho lô này.</p>`

  const quality = view.ocop_rating || view.certificates.length
    ? `<section class="card"><h2>Chứng nhận và xếp hạng</h2><dl>` +
      (view.ocop_rating
        ? row("OCOP", `${view.ocop_rating.stars} sao — quyết định ${view.ocop_rating.decision_number}, ${view.ocop_rating.issuing_authority}`) +
          row("Hiệu lực đến", formatDay(view.ocop_rating.valid_until))
        : "") +
      view.certificates
        .map((c) => row(CERTIFICATE_LABELS[c.type] ?? c.type, `${c.code} — ${c.issuing_body}, hiệu lực đến ${formatDay(c.valid_until)}`))
        .join("") +
      `</dl></section>`
    : ""

  const contact = cooperative
    ? `<section class="card"><h2>Nhà sản xuất</h2><p class="what">${t(cooperative.name)}</p>` +
      `<p class="muted">${t([cooperative.street_address, cooperative.ward, cooperative.province].filter(Boolean).join(", "))}</p>` +
      (cooperative.phone ? `<a class="btn alt" href="${escapeHtml(telHref(cooperative.phone))}">Gọi ${t(cooperative.phone)}</a>` : "") +
      (cooperative.email ? `<a class="btn alt" href="mailto:${escapeHtml(encodeURIComponent(cooperative.email).replace(/%40/g, "@"))}">Gửi thư ${t(cooperative.email)}</a>` : "") +
      `</section>`
    : ""

  const buy = view.buy_url && href(view.buy_url) ? `<a class="btn" href="${href(view.buy_url)}">Mua sản phẩm này</a>` : ""

  const body =
    `<section class="card">${picture ? `<img class="img" src="${picture}" alt="${t(product.title)}">` : ""}` +
    `<h1>${t(product.title)}</h1>${product.subtitle ? `<p class="muted">${t(product.subtitle)}</p>` : ""}` +
    `<p class="muted">${t(variant.title)}${cooperative ? ` · ${t(cooperative.name)}` : ""}</p>` +
    (badges ? `<div class="badges">${badges}</div>` : "") + buy + `</section>` +
    `<section class="card"><h2>Thông tin lô hàng</h2><dl>` +
    row("Mã truy xuất", lot.code) +
    (lot.lot_number !== lot.code ? row("Số lô", lot.lot_number) : "") +
    row("Mã GTIN", variant.gtin) +
    row("Ngày thu hoạch", formatDay(lot.harvested_on)) +
    row("Ngày đóng gói", formatDay(lot.packed_on)) +
    row("Hạn sử dụng", formatDay(lot.best_before)) +
    row("Vùng trồng", origin || null) +
    row("Mã vùng trồng", lot.origin.growing_area_code) +
    row("Sản lượng lô", quantity) +
    `</dl></section>` +
    `<section class="card"><h2>Nhật ký sản xuất</h2>${timeline}</section>` +
    quality + contact

  return layout(`${product.title} — truy xuất nguồn gốc lô ${lot.code}`, body, view.links.trace_url)
}

/** The Vietnamese "not found" page for an unknown or unpublished code. */
export const NOT_FOUND_PAGE = layout(
  "Không tìm thấy mã truy xuất",
  `<section class="card"><h1>Không tìm thấy mã truy xuất</h1>` +
    `<p>Mã trên bao bì không khớp với lô hàng nào đã được công bố. Hãy kiểm tra lại mã, hoặc liên hệ hợp tác xã sản xuất.</p></section>`
)
