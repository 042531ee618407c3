import { formatDay } from "../../lib/dates"
import { adminUrl } from "../config"
import { defineTemplate } from "./types"

/** What waits in the union's queues; `returns` counts returns escalated to the union and not yet decided. */
export type Queues = { registrations: number; products: number; ratings: number; certificates: number; reviews: number; returns: number }

const LABEL_VI: Record<keyof Queues, string> = {
  registrations: "Hợp tác xã chờ duyệt",
  products: "Sản phẩm chờ duyệt",
  ratings: "Xếp hạng OCOP chờ xác minh",
  certificates: "Chứng nhận chờ xác minh",
  reviews: "Đánh giá chờ kiểm duyệt",
  returns: "Yêu cầu trả hàng chờ Liên minh quyết định",
}
const LABEL_EN: Record<keyof Queues, string> = {
  registrations: "Cooperatives awaiting approval",
  products: "Products awaiting approval",
  ratings: "OCOP ratings to verify",
  certificates: "Certificates to verify",
  reviews: "Reviews to moderate",
  returns: "Returns escalated to the union",
}

const lines = (q: Queues, label: Record<keyof Queues, string>) => (Object.keys(label) as (keyof Queues)[]).map((k) => `${label[k]}: ${q[k]}`)

/** Every morning, to each union admin: the count in each queue (sent only when something waits). */
export const adminDigest = defineTemplate<{ day: string; queues: Queues }>({
  sample: { day: "2026-12-01", queues: { registrations: 2, products: 5, ratings: 1, certificates: 0, reviews: 3, returns: 0 } },
  vi: (d) => ({
    subject: `Việc cần xử lý ngày ${formatDay(d.day)}`,
    intro: [`Các hàng đợi của Liên minh sáng ngày ${formatDay(d.day)}:`],
    sections: [{ title: "Đang chờ", lines: lines(d.queues, LABEL_VI) }],
    action: { label: "Mở trang quản trị", url: adminUrl("/") },
  }),
  en: (d) => ({
    subject: `Waiting for the union on ${formatDay(d.day)}`,
    intro: [`The union's queues on the morning of ${formatDay(d.day)}:`],
    sections: [{ title: "Waiting", lines: lines(d.queues, LABEL_EN) }],
    action: { label: "Open the admin", url: adminUrl("/") },
  }),
})
