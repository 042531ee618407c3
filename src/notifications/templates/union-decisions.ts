import { formatDay } from "../../lib/dates"
import { formatVnd } from "../../lib/money"
import { panelUrl } from "../config"
import { defineTemplate } from "./types"

const STATUS_VI: Record<string, string> = { pending: "chờ duyệt", approved: "đã duyệt", rejected: "bị từ chối", suspended: "tạm ngừng bán" }
const STATUS_EN: Record<string, string> = { pending: "pending", approved: "approved", rejected: "rejected", suspended: "suspended" }

/** The union decided on the cooperative itself (approve, reject, suspend, reinstate). */
export const cooperativeStatusChanged = defineTemplate<{ cooperative_name: string; action: string; from: string | null; to: string; reason: string | null }>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", action: "approve", from: "pending", to: "approved", reason: "Hồ sơ đầy đủ" },
  vi: (d) => ({
    subject: `${d.cooperative_name}: gian hàng ${STATUS_VI[d.to] ?? d.to}`,
    intro: [
      `Liên minh đã chuyển gian hàng ${d.cooperative_name} sang trạng thái "${STATUS_VI[d.to] ?? d.to}".`,
      ...(d.reason ? [`Lý do: ${d.reason}`] : []),
      d.to === "approved" ? "Sản phẩm đã duyệt của bạn được bày bán." : "Trong trạng thái này, sản phẩm của bạn không được bày bán.",
    ],
    action: { label: "Mở bảng điều khiển", url: panelUrl("/") },
  }),
  en: (d) => ({
    subject: `${d.cooperative_name}: stall ${STATUS_EN[d.to] ?? d.to}`,
    intro: [
      `The union moved the ${d.cooperative_name} stall to "${STATUS_EN[d.to] ?? d.to}".`,
      ...(d.reason ? [`Reason: ${d.reason}`] : []),
      d.to === "approved" ? "Your approved products are on sale." : "While in this state, your products are not on sale.",
    ],
    action: { label: "Open the panel", url: panelUrl("/") },
  }),
})

/** The union takes over running the cooperative's stall, or hands it back (docs/panel/README.md). */
export const cooperativeUnionManagement = defineTemplate<{ cooperative_name: string; managed: boolean }>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", managed: true },
  vi: (d) => ({
    subject: d.managed ? `${d.cooperative_name}: Liên minh nhận quản lý gian hàng` : `${d.cooperative_name}: Liên minh thôi quản lý gian hàng`,
    intro: d.managed
      ? [
          `Liên minh HTX đã nhận quản lý gian hàng ${d.cooperative_name}. Cán bộ Liên minh có thể làm việc trong bảng điều khiển như nhân viên của hợp tác xã (không đổi tài khoản ngân hàng, không quản lý nhân viên).`,
          "Mọi thao tác đều ghi rõ ai đã làm; chủ hợp tác xã xem ở mục Hoạt động.",
        ]
      : [`Liên minh HTX đã thôi quản lý gian hàng ${d.cooperative_name}. Cán bộ Liên minh không còn thao tác được trong gian hàng.`],
    action: { label: "Xem hoạt động", url: panelUrl("/activity") },
  }),
  en: (d) => ({
    subject: d.managed ? `${d.cooperative_name}: the union now runs your stall` : `${d.cooperative_name}: the union no longer runs your stall`,
    intro: d.managed
      ? [
          `The cooperative union now runs the ${d.cooperative_name} stall. Union admins can work in the panel as your staff would (not the bank account, not the staff list).`,
          "Every action records who did it; the owner sees them under Activity.",
        ]
      : [`The cooperative union no longer runs the ${d.cooperative_name} stall; its admins can no longer act in it.`],
    action: { label: "See activity", url: panelUrl("/activity") },
  }),
})

type Subject = "ocop_rating" | "certificate"
const SUBJECT_VI: Record<Subject, string> = { ocop_rating: "Xếp hạng OCOP", certificate: "Chứng nhận" }
const SUBJECT_EN: Record<Subject, string> = { ocop_rating: "OCOP rating", certificate: "Certificate" }
const DECISION_VI: Record<string, string> = {
  verified: "đã được xác minh",
  rejected: "bị từ chối",
  revoked: "bị thu hồi",
  expired: "đã hết hạn",
  superseded: "đã được thay bằng xếp hạng mới",
}
const DECISION_EN: Record<string, string> = { verified: "was verified", rejected: "was rejected", revoked: "was revoked", expired: "has expired", superseded: "was superseded by a new rating" }

type Decision = { cooperative_name: string; to: string; note: string | null }

/** The union's (or time's) decision on a rating or certificate: one template per subject and outcome. */
const certificationDecision = (subject: Subject) =>
  defineTemplate<Decision>({
    sample: { cooperative_name: "HTX Chè Thanh Nam", to: "verified", note: "Quyết định 303/QĐ-UBND" },
    vi: (d) => ({
      subject: `${SUBJECT_VI[subject]} của ${d.cooperative_name} ${DECISION_VI[d.to] ?? d.to}`,
      intro: [`${SUBJECT_VI[subject]} của ${d.cooperative_name} ${DECISION_VI[d.to] ?? d.to}.`, ...(d.note ? [`Ghi chú của Liên minh: ${d.note}`] : [])],
      action: { label: "Xem chứng nhận", url: panelUrl("/certifications") },
    }),
    en: (d) => ({
      subject: `${SUBJECT_EN[subject]} of ${d.cooperative_name} ${DECISION_EN[d.to] ?? d.to}`,
      intro: [`The ${SUBJECT_EN[subject].toLowerCase()} of ${d.cooperative_name} ${DECISION_EN[d.to] ?? d.to}.`, ...(d.note ? [`Union's note: ${d.note}`] : [])],
      action: { label: "See certifications", url: panelUrl("/certifications") },
    }),
  })

export const ocopRatingDecision = certificationDecision("ocop_rating")
export const certificateDecision = certificationDecision("certificate")

const expiring = (subject: Subject) =>
  defineTemplate<{ cooperative_name: string; valid_until: string }>({
    sample: { cooperative_name: "HTX Chè Thanh Nam", valid_until: "2026-12-31" },
    vi: (d) => ({
      subject: `${SUBJECT_VI[subject]} của ${d.cooperative_name} sắp hết hạn`,
      intro: [`${SUBJECT_VI[subject]} của ${d.cooperative_name} còn hiệu lực đến hết ngày ${formatDay(d.valid_until)}. Hãy gửi bản mới trước ngày đó để huy hiệu không biến mất khỏi sản phẩm.`],
      action: { label: "Gửi bản mới", url: panelUrl("/certifications") },
    }),
    en: (d) => ({
      subject: `${SUBJECT_EN[subject]} of ${d.cooperative_name} expires soon`,
      intro: [`The ${SUBJECT_EN[subject].toLowerCase()} of ${d.cooperative_name} is valid through ${formatDay(d.valid_until)}. Submit the renewal before then so the badge stays on your products.`],
      action: { label: "Submit a renewal", url: panelUrl("/certifications") },
    }),
  })

export const ocopRatingExpiring = expiring("ocop_rating")
export const certificateExpiring = expiring("certificate")

type Payout = { cooperative_name: string; period: string; amount: number; reference: string | null; reason: string | null }
const payoutSample: Payout = { cooperative_name: "HTX Chè Thanh Nam", period: "2026-11", amount: 1250000, reference: "FT2633500123", reason: null }

export const payoutCreated = defineTemplate<Payout>({
  sample: payoutSample,
  vi: (d) => ({
    subject: `Kỳ thanh toán ${d.period}: ${formatVnd(d.amount)}`,
    intro: [`Liên minh đã lập khoản thanh toán ${formatVnd(d.amount)} cho ${d.cooperative_name}, kỳ ${d.period}. Bạn sẽ nhận thư khác khi tiền được chuyển.`],
    action: { label: "Xem thanh toán", url: panelUrl("/payouts") },
  }),
  en: (d) => ({
    subject: `Payout for ${d.period}: ${formatVnd(d.amount)}`,
    intro: [`The union prepared a payout of ${formatVnd(d.amount)} to ${d.cooperative_name} for ${d.period}. Another message follows when the money is sent.`],
    action: { label: "See payouts", url: panelUrl("/payouts") },
  }),
})

export const payoutPaid = defineTemplate<Payout>({
  sample: payoutSample,
  vi: (d) => ({
    subject: `Đã chuyển ${formatVnd(d.amount)} cho kỳ ${d.period}`,
    intro: [`Liên minh đã chuyển ${formatVnd(d.amount)} cho ${d.cooperative_name}, kỳ ${d.period}.`, ...(d.reference ? [`Mã giao dịch ngân hàng: ${d.reference}`] : [])],
    action: { label: "Xem thanh toán", url: panelUrl("/payouts") },
  }),
  en: (d) => ({
    subject: `${formatVnd(d.amount)} paid for ${d.period}`,
    intro: [`The union sent ${formatVnd(d.amount)} to ${d.cooperative_name} for ${d.period}.`, ...(d.reference ? [`Bank reference: ${d.reference}`] : [])],
    action: { label: "See payouts", url: panelUrl("/payouts") },
  }),
})

export const payoutFailed = defineTemplate<Payout>({
  sample: { ...payoutSample, reference: null, reason: "Sai số tài khoản" },
  vi: (d) => ({
    subject: `Chưa chuyển được tiền kỳ ${d.period}`,
    intro: [`Khoản thanh toán ${formatVnd(d.amount)} cho ${d.cooperative_name}, kỳ ${d.period}, chưa chuyển được.`, ...(d.reason ? [`Lý do: ${d.reason}`] : []), "Hãy kiểm tra tài khoản nhận tiền của hợp tác xã."],
    action: { label: "Xem thanh toán", url: panelUrl("/payouts") },
  }),
  en: (d) => ({
    subject: `Payout for ${d.period} failed`,
    intro: [`The payout of ${formatVnd(d.amount)} to ${d.cooperative_name} for ${d.period} could not be sent.`, ...(d.reason ? [`Reason: ${d.reason}`] : []), "Please check the cooperative's bank account."],
    action: { label: "See payouts", url: panelUrl("/payouts") },
  }),
})
