import { formatInstant } from "../lib/dates"
import type { PaymentHow } from "./templates/purchase"

/**
 * Zalo ZNS, the second channel (docs/notifications.md): which messages have a ZNS form, who reads
 * them, and the parameters a Zalo template of that message receives. Zalo only sends templates the
 * union registered and Zalo approved beforehand, with named parameters; the union registers one per
 * message below with these parameter names and gives its id in ZNS_TEMPLATES.
 *
 * Parameters are short Vietnamese text (Zalo caps most at 30–100 characters: longer text is cut
 * here, never refused) and amounts in whole đồng as numbers (Zalo's currency parameter).
 */

type Params = Record<string, string | number>
/** A message's data as its email template receives it (src/notifications/templates). */
type Data = Record<string, unknown>
type ZnsForm = { audience: "shopper" | "staff"; params: (data: Data) => Params }

/** Cuts text to Zalo's limit on a parameter (by characters, Vietnamese letters count as one). */
const cut = (value: unknown, max = 90): string => {
  const text = String(value ?? "").normalize("NFC").replace(/\s+/g, " ").trim()
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text
}
const vnd = (amount: unknown) => Math.round(Number(amount ?? 0))
const orderCode = (displayId: unknown) => `#${displayId}`

const returnFacts = (d: Data): Params => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id), amount: vnd(d.amount), note: cut(d.note || "—") })

const PAYMENT_VI: Record<string, string> = { cod: "Tiền mặt khi nhận hàng", bank_transfer: "Chuyển khoản VietQR", card: "Thẻ", other: "Khác" }

export const ZNS_FORMS: Record<string, ZnsForm> = {
  "purchase-placed": {
    audience: "shopper",
    params: (d) => {
      const orders = (d.orders ?? []) as { display_id: unknown; cooperative_name: unknown }[]
      const payment = d.payment as PaymentHow | undefined
      return {
        order_code: cut(orders.map((o) => orderCode(o.display_id)).join(", "), 30),
        cooperatives: cut(orders.map((o) => o.cooperative_name).join(", ")),
        total: vnd(d.total),
        payment: cut(PAYMENT_VI[payment?.kind ?? "other"] ?? PAYMENT_VI.other, 30),
        transfer_message: cut(payment?.bank?.message ?? "—", 30),
        placed_at: formatInstant(d.placed_at as string | Date),
      }
    },
  },
  "order-shipped": {
    audience: "shopper",
    params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id), carrier: cut(d.carrier || "—", 30), tracking_number: cut(d.tracking_number || "—", 30) }),
  },
  "order-delivered": {
    audience: "shopper",
    params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id), delivered_at: formatInstant(d.delivered_at as string | Date) }),
  },
  "order-canceled": {
    audience: "shopper",
    params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id), refund_amount: vnd(d.refund_amount) }),
  },
  "return-accepted": { audience: "shopper", params: returnFacts },
  "return-refused": { audience: "shopper", params: returnFacts },
  "return-decided": { audience: "shopper", params: (d) => ({ ...returnFacts(d), decision: d.decision === "accept" ? "Chấp nhận" : "Không chấp nhận" }) },
  "return-received": { audience: "shopper", params: returnFacts },
  "return-refunded": { audience: "shopper", params: returnFacts },
  "order-to-pack": {
    audience: "staff",
    params: (d) => ({
      cooperative_name: cut(d.cooperative_name, 50),
      order_code: orderCode(d.display_id),
      total: vnd(d.total),
      payment: d.cash_on_delivery ? "Tiền mặt khi nhận hàng" : "Đã trả trước",
      ship_to: cut(d.ship_to || "—", 50),
    }),
  },
  "cooperative-order-canceled": { audience: "staff", params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id) }) },
  "cooperative-return-requested": { audience: "staff", params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), order_code: orderCode(d.display_id), amount: vnd(d.amount), reason: cut(d.note || "—") }) },
  "payout-paid": { audience: "staff", params: (d) => ({ cooperative_name: cut(d.cooperative_name, 50), period: cut(d.period, 30), amount: vnd(d.amount), reference: cut(d.reference || "—", 30) }) },
}

/**
 * ZNS_TEMPLATES: the union's approved Zalo template per message, `message=template_id` separated by
 * commas (`purchase-placed=231234,order-shipped=231235`). A message without one goes by email. A
 * name that has no ZNS form or a malformed entry stops the start (medusa-config.ts reads it).
 */
export function znsTemplateIds(raw = process.env.ZNS_TEMPLATES): Record<string, string> {
  const ids: Record<string, string> = {}
  for (const entry of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z_-]+)\s*=\s*([A-Za-z0-9]+)$/.exec(entry)
    if (!m) throw new Error(`ZNS_TEMPLATES: "${entry}" is not message=template_id`)
    if (!ZNS_FORMS[m[1]]) throw new Error(`ZNS_TEMPLATES: "${m[1]}" has no ZNS form; messages that can go by ZNS: ${Object.keys(ZNS_FORMS).join(", ")}`)
    ids[m[1]] = m[2]
  }
  return ids
}

/** ZNS is on when its access token is set (medusa-config.ts registers the provider then). */
export const znsEnabled = () => !!process.env.ZNS_ACCESS_TOKEN?.trim()

/**
 * A Vietnamese mobile number as Zalo wants it (84 and nine digits), from how people type it:
 * "0905 123 456", "+84 905-123-456", "(84) 905.123.456". Anything else (a landline, a foreign
 * number, garbage) gives null: that person is written to by email.
 */
export function znsPhone(raw: unknown): string | null {
  if (typeof raw !== "string") return null
  const digits = raw.replace(/[\s.\-()]/g, "").replace(/^\+/, "")
  const m = /^(?:840?|0)([35789]\d{8})$/.exec(digits)
  return m ? `84${m[1]}` : null
}
