import { formatVnd } from "../../lib/money"
import { adminUrl, panelUrl } from "../config"
import { defineTemplate } from "./types"

/** What every return message names: whose order, which one, how much (the items' share, whole đồng). */
type ReturnFacts = { cooperative_name: string; display_id: number | string; amount: number; note: string | null; url: string }
const facts: ReturnFacts = { cooperative_name: "HTX Chè Thanh Nam", display_id: 12, amount: 240000, note: "Gói trà bị rách khi nhận", url: "https://cho.example.vn/vn/account/orders/details/order_01" }

const noteVi = (label: string, note: string | null) => (note ? [`${label}: ${note}`] : [])
const noteEn = (label: string, note: string | null) => (note ? [`${label}: ${note}`] : [])

/** Shopper: the cooperative accepted the return; send the parcel back. */
export const returnAccepted = defineTemplate<ReturnFacts>({
  sample: { ...facts, note: null },
  vi: (d) => ({
    subject: `${d.cooperative_name} đồng ý trả hàng (đơn #${d.display_id})`,
    intro: [
      `${d.cooperative_name} đã đồng ý yêu cầu trả hàng của bạn cho đơn #${d.display_id}.`,
      ...noteVi("Ghi chú của hợp tác xã", d.note),
      `Hãy gửi hàng về cho hợp tác xã. Khi hàng về đến nơi, bạn được hoàn ${formatVnd(d.amount)} (không gồm phí vận chuyển).`,
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name} accepted your return (order #${d.display_id})`,
    intro: [
      `${d.cooperative_name} accepted your return request for order #${d.display_id}.`,
      ...noteEn("The cooperative's note", d.note),
      `Please send the parcel back to the cooperative. When it arrives, ${formatVnd(d.amount)} is refunded to you (shipping is not).`,
    ],
    action: { label: "See the order", url: d.url },
  }),
})

/** Shopper: the cooperative refused, with its reason; the union can be asked to decide. */
export const returnRefused = defineTemplate<ReturnFacts>({
  sample: { ...facts, note: "Sản phẩm đã qua sử dụng" },
  vi: (d) => ({
    subject: `${d.cooperative_name} từ chối trả hàng (đơn #${d.display_id})`,
    intro: [
      `${d.cooperative_name} đã từ chối yêu cầu trả hàng của bạn cho đơn #${d.display_id}.`,
      ...noteVi("Lý do", d.note),
      "Nếu không đồng ý, bạn có thể đề nghị Liên minh xem xét và quyết định (một lần) từ trang đơn hàng.",
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name} refused your return (order #${d.display_id})`,
    intro: [
      `${d.cooperative_name} refused your return request for order #${d.display_id}.`,
      ...noteEn("Reason", d.note),
      "If you disagree, you may ask the union to decide (once) from the order's page.",
    ],
    action: { label: "See the order", url: d.url },
  }),
})

/** Shopper: the union received their escalation. */
export const returnEscalated = defineTemplate<ReturnFacts>({
  sample: facts,
  vi: (d) => ({
    subject: `Liên minh đã nhận đề nghị xem xét trả hàng (đơn #${d.display_id})`,
    intro: [`Liên minh đã nhận đề nghị của bạn về việc trả hàng đơn #${d.display_id} của ${d.cooperative_name}. Bạn sẽ nhận thư khi Liên minh quyết định.`],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `The union received your return appeal (order #${d.display_id})`,
    intro: [`The union received your appeal about the return of order #${d.display_id} from ${d.cooperative_name}. You will hear when it has decided.`],
    action: { label: "See the order", url: d.url },
  }),
})

type Decided = ReturnFacts & { decision: "accept" | "refuse" }

/** Shopper: the union's decision on their escalated return. */
export const returnDecided = defineTemplate<Decided>({
  sample: { ...facts, decision: "accept", note: "Ảnh cho thấy hàng bị hỏng khi giao" },
  vi: (d) => ({
    subject: `Liên minh ${d.decision === "accept" ? "chấp nhận" : "không chấp nhận"} trả hàng (đơn #${d.display_id})`,
    intro: [
      d.decision === "accept"
        ? `Liên minh chấp nhận yêu cầu trả hàng đơn #${d.display_id} của ${d.cooperative_name}. Hãy gửi hàng về cho hợp tác xã; khi hàng về, bạn được hoàn ${formatVnd(d.amount)}.`
        : `Liên minh không chấp nhận yêu cầu trả hàng đơn #${d.display_id} của ${d.cooperative_name}. Yêu cầu này đã kết thúc.`,
      ...noteVi("Lý do", d.note),
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `The union ${d.decision === "accept" ? "accepted" : "refused"} your return (order #${d.display_id})`,
    intro: [
      d.decision === "accept"
        ? `The union accepted the return of order #${d.display_id} from ${d.cooperative_name}. Please send the parcel back to the cooperative; when it arrives, ${formatVnd(d.amount)} is refunded to you.`
        : `The union refused the return of order #${d.display_id} from ${d.cooperative_name}. The request is closed.`,
      ...noteEn("Reason", d.note),
    ],
    action: { label: "See the order", url: d.url },
  }),
})

/** Shopper: the cooperative has the parcel back. */
export const returnReceived = defineTemplate<ReturnFacts>({
  sample: { ...facts, note: null },
  vi: (d) => ({
    subject: `${d.cooperative_name} đã nhận lại hàng trả (đơn #${d.display_id})`,
    intro: [
      `${d.cooperative_name} đã nhận lại hàng bạn trả của đơn #${d.display_id}.`,
      `Nếu bạn đã trả tiền mặt cho người giao hàng của hợp tác xã, hợp tác xã sẽ trực tiếp hoàn ${formatVnd(d.amount)} cho bạn; nếu không, Liên minh hoàn tiền vào phương thức bạn đã thanh toán và gửi thư xác nhận.`,
    ],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name} received your return (order #${d.display_id})`,
    intro: [
      `${d.cooperative_name} has received the items you sent back from order #${d.display_id}.`,
      `If you paid cash to the cooperative's own courier, the cooperative refunds ${formatVnd(d.amount)} to you itself; otherwise the union refunds your payment and confirms it by email.`,
    ],
    action: { label: "See the order", url: d.url },
  }),
})

/** Shopper: the union refunded the items' share. */
export const returnRefunded = defineTemplate<ReturnFacts>({
  sample: { ...facts, note: null },
  vi: (d) => ({
    subject: `Đã hoàn ${formatVnd(d.amount)} cho hàng trả (đơn #${d.display_id})`,
    intro: [`Liên minh đã hoàn ${formatVnd(d.amount)} vào phương thức thanh toán của bạn cho hàng trả của đơn #${d.display_id} (${d.cooperative_name}). Tiền có thể mất vài ngày để về tài khoản, tùy ngân hàng.`],
    action: { label: "Xem đơn hàng", url: d.url },
  }),
  en: (d) => ({
    subject: `${formatVnd(d.amount)} refunded for your return (order #${d.display_id})`,
    intro: [`The union refunded ${formatVnd(d.amount)} to your payment for the items returned from order #${d.display_id} (${d.cooperative_name}). Depending on your bank it may take a few days to arrive.`],
    action: { label: "See the order", url: d.url },
  }),
})

type ForCooperative = { cooperative_name: string; display_id: number | string; amount: number; note: string | null; order_id: string }
const forCooperative: ForCooperative = { cooperative_name: "HTX Chè Thanh Nam", display_id: 12, amount: 240000, note: "Gói trà bị rách khi nhận", order_id: "order_01" }
// The panel shows a return on its order's page.
const returnPage = (orderId: string) => panelUrl(`/orders/${orderId}`)

/** Cooperative staff: a shopper asks to return items. */
export const cooperativeReturnRequested = defineTemplate<ForCooperative>({
  sample: forCooperative,
  vi: (d) => ({
    subject: `Yêu cầu trả hàng mới (đơn #${d.display_id})`,
    intro: [
      `Khách hàng muốn trả hàng của đơn #${d.display_id}, trị giá ${formatVnd(d.amount)}.`,
      ...noteVi("Lý do của khách", d.note),
      "Hãy xem ảnh và đồng ý hoặc từ chối (kèm lý do).",
    ],
    action: { label: "Xem yêu cầu", url: returnPage(d.order_id) },
  }),
  en: (d) => ({
    subject: `New return request (order #${d.display_id})`,
    intro: [
      `A shopper asks to return items of order #${d.display_id}, worth ${formatVnd(d.amount)}.`,
      ...noteEn("The shopper's reason", d.note),
      "Please look at the photos and accept, or refuse with a reason.",
    ],
    action: { label: "See the request", url: returnPage(d.order_id) },
  }),
})

/** Cooperative staff: the union decided a return they had refused. */
export const cooperativeReturnDecided = defineTemplate<ForCooperative & { decision: "accept" | "refuse" }>({
  sample: { ...forCooperative, decision: "accept", note: "Ảnh cho thấy hàng bị hỏng khi giao" },
  vi: (d) => ({
    subject: `Liên minh ${d.decision === "accept" ? "chấp nhận" : "không chấp nhận"} trả hàng đơn #${d.display_id}`,
    intro: [
      d.decision === "accept"
        ? `Liên minh đã chấp nhận yêu cầu trả hàng đơn #${d.display_id} mà hợp tác xã đã từ chối. Khách sẽ gửi hàng về; hãy ghi nhận "đã nhận hàng" khi hàng đến.`
        : `Liên minh không chấp nhận yêu cầu trả hàng đơn #${d.display_id}. Yêu cầu đã kết thúc, hợp tác xã không phải làm gì thêm.`,
      ...noteVi("Lý do", d.note),
    ],
    action: { label: "Xem yêu cầu", url: returnPage(d.order_id) },
  }),
  en: (d) => ({
    subject: `The union ${d.decision === "accept" ? "accepted" : "refused"} the return of order #${d.display_id}`,
    intro: [
      d.decision === "accept"
        ? `The union accepted the return of order #${d.display_id} that the cooperative had refused. The shopper will send the parcel back; record it as received when it arrives.`
        : `The union refused the return of order #${d.display_id}. The request is closed; nothing more to do.`,
      ...noteEn("Reason", d.note),
    ],
    action: { label: "See the request", url: returnPage(d.order_id) },
  }),
})

/** Union admins: a shopper asks the union to decide a refused return. */
export const adminReturnEscalated = defineTemplate<ForCooperative>({
  sample: forCooperative,
  vi: (d) => ({
    subject: `Trả hàng cần Liên minh quyết định: đơn #${d.display_id} của ${d.cooperative_name}`,
    intro: [
      `${d.cooperative_name} đã từ chối trả hàng đơn #${d.display_id} (${formatVnd(d.amount)}) và khách hàng đề nghị Liên minh quyết định.`,
      ...noteVi("Ý kiến của khách", d.note),
    ],
    action: { label: "Mở trang quản trị", url: adminUrl("/") },
  }),
  en: (d) => ({
    subject: `Return for the union to decide: order #${d.display_id} of ${d.cooperative_name}`,
    intro: [
      `${d.cooperative_name} refused the return of order #${d.display_id} (${formatVnd(d.amount)}) and the shopper asks the union to decide.`,
      ...noteEn("The shopper's note", d.note),
    ],
    action: { label: "Open the admin", url: adminUrl("/") },
  }),
})
