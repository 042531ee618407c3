import { panelUrl } from "../config"
import { defineTemplate } from "./types"

/** Shopper: the cooperative answered their published review. */
export const reviewReplied = defineTemplate<{ cooperative_name: string; subject_title: string; review_title: string; reply: string; url: string }>({
  sample: {
    cooperative_name: "HTX Chè Thanh Nam",
    subject_title: "Trà xanh Thanh Nam 200 g",
    review_title: "Trà thơm, giao nhanh",
    reply: "Cảm ơn anh/chị đã ủng hộ hợp tác xã!",
    url: "https://cho.example.vn/vn/products/tra-xanh",
  },
  vi: (d) => ({
    subject: `${d.cooperative_name} đã trả lời đánh giá của bạn`,
    intro: [`${d.cooperative_name} đã trả lời đánh giá "${d.review_title}" của bạn về ${d.subject_title}:`, `“${d.reply}”`],
    action: { label: "Xem đánh giá", url: d.url },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name} replied to your review`,
    intro: [`${d.cooperative_name} replied to your review "${d.review_title}" of ${d.subject_title}:`, `“${d.reply}”`],
    action: { label: "See the review", url: d.url },
  }),
})

type ProductDecision = { cooperative_name: string; product_title: string; product_id: string; changes: boolean; reason: string | null }
const productPage = (id: string) => panelUrl(`/products/${id}`)

/** Cooperative staff: the union published their product (or the changes they proposed to a live one). */
export const productPublished = defineTemplate<ProductDecision>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", product_title: "Trà xanh Thanh Nam 200 g", product_id: "prod_01", changes: false, reason: null },
  vi: (d) => ({
    subject: d.changes ? `Đã duyệt thay đổi của "${d.product_title}"` : `Sản phẩm "${d.product_title}" đã được duyệt`,
    intro: [
      d.changes
        ? `Liên minh đã duyệt các thay đổi bạn đề xuất cho "${d.product_title}"; trang sản phẩm đã được cập nhật.`
        : `Liên minh đã duyệt "${d.product_title}" của ${d.cooperative_name}. Sản phẩm đang được bày bán.`,
    ],
    action: { label: "Xem sản phẩm", url: productPage(d.product_id) },
  }),
  en: (d) => ({
    subject: d.changes ? `Changes to "${d.product_title}" approved` : `"${d.product_title}" is published`,
    intro: [
      d.changes
        ? `The union approved the changes you proposed to "${d.product_title}"; the product page is updated.`
        : `The union published "${d.product_title}" of ${d.cooperative_name}. It is on sale.`,
    ],
    action: { label: "See the product", url: productPage(d.product_id) },
  }),
})

/** Cooperative staff: the union rejected their product (or proposed changes), with its reason. */
export const productRejected = defineTemplate<ProductDecision>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", product_title: "Trà xanh Thanh Nam 200 g", product_id: "prod_01", changes: false, reason: "Thiếu ảnh bao bì và hạn sử dụng" },
  vi: (d) => ({
    subject: d.changes ? `Chưa duyệt thay đổi của "${d.product_title}"` : `Sản phẩm "${d.product_title}" chưa được duyệt`,
    intro: [
      d.changes
        ? `Liên minh chưa duyệt các thay đổi bạn đề xuất cho "${d.product_title}"; sản phẩm vẫn bán như trước.`
        : `Liên minh chưa duyệt "${d.product_title}" của ${d.cooperative_name}.`,
      ...(d.reason ? [`Lý do: ${d.reason}`] : []),
      "Hãy sửa và gửi lại để Liên minh xem xét.",
    ],
    action: { label: "Sửa sản phẩm", url: productPage(d.product_id) },
  }),
  en: (d) => ({
    subject: d.changes ? `Changes to "${d.product_title}" not approved` : `"${d.product_title}" was not approved`,
    intro: [
      d.changes
        ? `The union did not approve the changes you proposed to "${d.product_title}"; the product stays on sale as it was.`
        : `The union did not approve "${d.product_title}" of ${d.cooperative_name}.`,
      ...(d.reason ? [`Reason: ${d.reason}`] : []),
      "Please correct it and submit it again.",
    ],
    action: { label: "Edit the product", url: productPage(d.product_id) },
  }),
})
