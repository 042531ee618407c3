import { formatInstant } from "../../lib/dates"
import { formatVnd } from "../../lib/money"
import type { ItemLine } from "./types"
import { defineTemplate } from "./types"

/** How the shopper pays; `bank` is present for a VietQR bank transfer. */
export type PaymentHow = {
  kind: "cod" | "bank_transfer" | "card" | "other"
  bank?: { bank_bin: string; account_number: string; account_name: string | null; amount: number; message: string } | null
}

export type PurchaseOrder = { cooperative_name: string; display_id: number; items: ItemLine[]; shipping_total: number; total: number }

const itemLine = (i: ItemLine) => `${i.title} × ${i.quantity}: ${formatVnd(i.total)}`

const howToPayVi = (p: PaymentHow, total: number): { title: string; lines: string[] } => {
  if (p.kind === "bank_transfer" && p.bank)
    return {
      title: "Thanh toán bằng chuyển khoản (VietQR)",
      lines: [
        `Ngân hàng (mã BIN): ${p.bank.bank_bin}`,
        `Số tài khoản: ${p.bank.account_number}`,
        ...(p.bank.account_name ? [`Chủ tài khoản: ${p.bank.account_name}`] : []),
        `Số tiền: ${formatVnd(p.bank.amount)}`,
        `Nội dung chuyển khoản: ${p.bank.message}`,
      ],
    }
  if (p.kind === "cod") return { title: "Thanh toán khi nhận hàng", lines: [`Bạn trả ${formatVnd(total)} tiền mặt cho người giao hàng (mỗi hợp tác xã giao riêng phần của mình).`] }
  if (p.kind === "card") return { title: "Thanh toán bằng thẻ", lines: [`Số tiền ${formatVnd(total)} đã được ghi nhận trên thẻ của bạn.`] }
  return { title: "Thanh toán", lines: [`Tổng số tiền: ${formatVnd(total)}`] }
}

const howToPayEn = (p: PaymentHow, total: number): { title: string; lines: string[] } => {
  if (p.kind === "bank_transfer" && p.bank)
    return {
      title: "Pay by bank transfer (VietQR)",
      lines: [
        `Bank (BIN): ${p.bank.bank_bin}`,
        `Account number: ${p.bank.account_number}`,
        ...(p.bank.account_name ? [`Account name: ${p.bank.account_name}`] : []),
        `Amount: ${formatVnd(p.bank.amount)}`,
        `Transfer message: ${p.bank.message}`,
      ],
    }
  if (p.kind === "cod") return { title: "Cash on delivery", lines: [`You pay ${formatVnd(total)} in cash to the courier (each cooperative delivers its own part).`] }
  if (p.kind === "card") return { title: "Card payment", lines: [`${formatVnd(total)} has been authorised on your card.`] }
  return { title: "Payment", lines: [`Total: ${formatVnd(total)}`] }
}

/** To the shopper when a purchase is placed: every cooperative's part, the total and how to pay. */
export const purchasePlaced = defineTemplate<{ placed_at: string | Date; total: number; orders: PurchaseOrder[]; payment: PaymentHow; url: string }>({
  sample: {
    placed_at: "2026-12-01T08:30:00.000Z",
    total: 330000,
    url: "https://cho.example.vn/order-groups/ogrp_1",
    orders: [
      { cooperative_name: "HTX Chè Thanh Nam", display_id: 11, items: [{ title: "Trà xanh Thanh Sơn 200 g", quantity: 2, total: 240000 }], shipping_total: 30000, total: 270000 },
      { cooperative_name: "Dafusa Phú Đa", display_id: 12, items: [{ title: "Dầu phộng nguyên chất 500 ml", quantity: 1, total: 60000 }], shipping_total: 0, total: 60000 },
    ],
    payment: { kind: "bank_transfer", bank: { bank_bin: "970415", account_number: "113366668888", account_name: "LIEN MINH HTX", amount: 330000, message: "CSABCD2345" } },
  },
  vi: (d) => ({
    subject: `Đã nhận đơn hàng của bạn: ${formatVnd(d.total)}`,
    intro: [`Cảm ơn bạn đã mua hàng lúc ${formatInstant(d.placed_at)}. Đơn của bạn gồm ${d.orders.length} gian hàng hợp tác xã, mỗi gian giao riêng.`],
    sections: [
      ...d.orders.map((o) => ({
        title: `${o.cooperative_name}: đơn #${o.display_id}`,
        lines: [...o.items.map(itemLine), `Phí giao hàng: ${formatVnd(o.shipping_total)}`, `Cộng: ${formatVnd(o.total)}`],
      })),
      { title: "Tổng cộng", lines: [formatVnd(d.total)] },
      howToPayVi(d.payment, d.total),
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `We received your order: ${formatVnd(d.total)}`,
    intro: [`Thank you for your purchase of ${formatInstant(d.placed_at)} (Vietnam time). It comes from ${d.orders.length} cooperative stall(s), each delivering its own part.`],
    sections: [
      ...d.orders.map((o) => ({
        title: `${o.cooperative_name}: order #${o.display_id}`,
        lines: [...o.items.map(itemLine), `Shipping: ${formatVnd(o.shipping_total)}`, `Subtotal: ${formatVnd(o.total)}`],
      })),
      { title: "Total", lines: [formatVnd(d.total)] },
      howToPayEn(d.payment, d.total),
    ],
    action: { label: "See your order", url: d.url },
  }),
})

/** To the cooperative's staff: a new order of theirs to pack. */
export const orderToPack = defineTemplate<{
  cooperative_name: string
  display_id: number
  placed_at: string | Date
  items: ItemLine[]
  total: number
  cash_on_delivery: boolean
  ship_to: string
  url: string
}>({
  sample: {
    cooperative_name: "HTX Chè Thanh Nam",
    display_id: 11,
    placed_at: "2026-12-01T08:30:00.000Z",
    items: [{ title: "Trà xanh Thanh Sơn 200 g", quantity: 2, total: 240000 }],
    total: 270000,
    cash_on_delivery: true,
    ship_to: "Phường Thuận Hóa, Huế",
    url: "https://api.example.vn/cooperative/orders/order_1",
  },
  vi: (d) => ({
    subject: `Đơn mới #${d.display_id} cần đóng gói`,
    intro: [`${d.cooperative_name} có đơn mới lúc ${formatInstant(d.placed_at)}, giao đến ${d.ship_to}.`],
    sections: [
      { title: "Sản phẩm", lines: d.items.map(itemLine) },
      { title: "Tiền", lines: [`Tổng đơn: ${formatVnd(d.total)}`, d.cash_on_delivery ? "Người mua trả tiền mặt khi nhận hàng." : "Người mua trả trước qua Liên minh."] },
    ],
    action: { label: "Mở đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `New order #${d.display_id} to pack`,
    intro: [`${d.cooperative_name} has a new order of ${formatInstant(d.placed_at)} (Vietnam time), to be delivered to ${d.ship_to}.`],
    sections: [
      { title: "Items", lines: d.items.map(itemLine) },
      { title: "Money", lines: [`Order total: ${formatVnd(d.total)}`, d.cash_on_delivery ? "The shopper pays cash on delivery." : "The shopper pays the union in advance."] },
    ],
    action: { label: "Open the order", url: d.url },
  }),
})

type Shipment = { cooperative_name: string; display_id: number; carrier: string | null; tracking_number: string | null; tracking_url: string | null; url: string }

/** To the shopper: one cooperative's parcel left, with the carrier and tracking number. */
export const orderShipped = defineTemplate<Shipment>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", display_id: 11, carrier: "Viettel Post", tracking_number: "VTP0012345678", tracking_url: null, url: "https://cho.example.vn/order-groups/ogrp_1" },
  vi: (d) => ({
    subject: `${d.cooperative_name} đã gửi hàng (đơn #${d.display_id})`,
    intro: [`Đơn #${d.display_id} của ${d.cooperative_name} đã được giao cho đơn vị vận chuyển.`],
    sections: [
      {
        title: "Vận chuyển",
        lines: [`Đơn vị vận chuyển: ${d.carrier ?? "—"}`, `Mã vận đơn: ${d.tracking_number ?? "—"}`, ...(d.tracking_url ? [`Theo dõi: ${d.tracking_url}`] : [])],
      },
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name} shipped your order #${d.display_id}`,
    intro: [`Order #${d.display_id} from ${d.cooperative_name} is on its way.`],
    sections: [{ title: "Shipping", lines: [`Carrier: ${d.carrier ?? "—"}`, `Tracking number: ${d.tracking_number ?? "—"}`, ...(d.tracking_url ? [`Track: ${d.tracking_url}`] : [])] }],
    action: { label: "See your order", url: d.url },
  }),
})

/** To the shopper: one cooperative's parcel was delivered. */
export const orderDelivered = defineTemplate<{ cooperative_name: string; display_id: number; delivered_at: string | Date; url: string }>({
  sample: { cooperative_name: "Dafusa Phú Đa", display_id: 12, delivered_at: "2026-12-03T09:00:00.000Z", url: "https://cho.example.vn/order-groups/ogrp_1" },
  vi: (d) => ({
    subject: `Đã giao đơn #${d.display_id} của ${d.cooperative_name}`,
    intro: [`Đơn #${d.display_id} của ${d.cooperative_name} đã được giao lúc ${formatInstant(d.delivered_at)}.`, "Hãy cho hợp tác xã biết cảm nhận của bạn bằng một đánh giá."],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `Order #${d.display_id} from ${d.cooperative_name} was delivered`,
    intro: [`Order #${d.display_id} from ${d.cooperative_name} was delivered at ${formatInstant(d.delivered_at)} (Vietnam time).`, "Tell the cooperative how you liked it with a review."],
    action: { label: "See your order", url: d.url },
  }),
})

/** To the shopper: a cooperative's order was canceled, and what comes back if they had paid. */
export const orderCanceled = defineTemplate<{ cooperative_name: string; display_id: number; refund_amount: number | null; url: string }>({
  sample: { cooperative_name: "Dafusa Phú Đa", display_id: 12, refund_amount: 60000, url: "https://cho.example.vn/order-groups/ogrp_1" },
  vi: (d) => ({
    subject: `Đơn #${d.display_id} của ${d.cooperative_name} đã bị hủy`,
    intro: [
      `Đơn #${d.display_id} của ${d.cooperative_name} đã bị hủy.`,
      d.refund_amount ? `Số tiền ${formatVnd(d.refund_amount)} bạn đã trả cho đơn này sẽ được hoàn lại.` : "Bạn không phải trả tiền cho đơn này.",
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `Order #${d.display_id} from ${d.cooperative_name} was canceled`,
    intro: [
      `Order #${d.display_id} from ${d.cooperative_name} was canceled.`,
      d.refund_amount ? `The ${formatVnd(d.refund_amount)} you paid for it will be refunded.` : "You pay nothing for this order.",
    ],
    action: { label: "See your order", url: d.url },
  }),
})

/** To the cooperative's staff: one of their orders was canceled (by themselves, the union or the system). */
export const cooperativeOrderCanceled = defineTemplate<{ cooperative_name: string; display_id: number; url: string }>({
  sample: { cooperative_name: "Dafusa Phú Đa", display_id: 12, url: "https://api.example.vn/cooperative/orders/order_2" },
  vi: (d) => ({
    subject: `Đơn #${d.display_id} đã bị hủy`,
    intro: [`Đơn #${d.display_id} của ${d.cooperative_name} đã bị hủy: không đóng gói, không gửi đơn này. Hàng đã giữ được trả lại kho.`],
    action: { label: "Mở đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `Order #${d.display_id} was canceled`,
    intro: [`Order #${d.display_id} of ${d.cooperative_name} was canceled: do not pack or ship it. The reserved stock is back on sale.`],
    action: { label: "Open the order", url: d.url },
  }),
})
