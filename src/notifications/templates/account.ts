import { formatInstant } from "../../lib/dates"
import { defineTemplate } from "./types"

export type ResetActor = "customer" | "vendor" | "user"

const WHERE_VI: Record<ResetActor, string> = { customer: "tài khoản mua hàng", vendor: "tài khoản gian hàng hợp tác xã", user: "tài khoản quản trị" }
const WHERE_EN: Record<ResetActor, string> = { customer: "shopping account", vendor: "cooperative stall account", user: "administrator account" }

/** Sent on Medusa's auth.password_reset; the link carries the token, so this message is rendered, never stored or logged. */
export const passwordReset = defineTemplate<{ actor_type: ResetActor; email: string; url: string }>({
  sample: { actor_type: "customer", email: "khach@example.vn", url: "https://cho.example.vn/reset-password?token=abc&email=khach%40example.vn" },
  vi: (d) => ({
    subject: "Đặt lại mật khẩu",
    intro: [`Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho ${WHERE_VI[d.actor_type]} ${d.email}.`],
    action: { label: "Đặt mật khẩu mới", url: d.url },
    outro: ["Liên kết có hiệu lực trong 15 phút và chỉ dùng được một lần.", "Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi."],
  }),
  en: (d) => ({
    subject: "Reset your password",
    intro: [`We received a request to reset the password of the ${WHERE_EN[d.actor_type]} ${d.email}.`],
    action: { label: "Choose a new password", url: d.url },
    outro: ["The link is valid for 15 minutes and works once.", "If you did not ask for this, ignore this message: your password stays as it is."],
  }),
})

/** An owner invited someone to a cooperative's staff. The link (with the token) is in the email only, never in the stored notification. */
export const cooperativeInvite = defineTemplate<{ cooperative_name: string; role: string; expires_at: string | Date; url?: string | null }>({
  sample: { cooperative_name: "HTX Chè Thanh Nam", role: "staff", expires_at: "2026-12-08T03:00:00.000Z", url: "https://api.example.vn/cooperative/accept-invite?token=abc" },
  vi: (d) => ({
    subject: `Lời mời tham gia gian hàng ${d.cooperative_name}`,
    intro: [
      `${d.cooperative_name} mời bạn quản lý gian hàng với vai trò ${d.role === "owner" ? "chủ gian hàng" : "nhân viên"}.`,
      `Lời mời có hiệu lực đến ${formatInstant(d.expires_at)} (giờ Việt Nam).`,
    ],
    action: d.url ? { label: "Nhận lời mời", url: d.url } : undefined,
    outro: d.url ? [] : ["Người mời sẽ gửi cho bạn mã mời."],
  }),
  en: (d) => ({
    subject: `Invitation to the ${d.cooperative_name} stall`,
    intro: [
      `${d.cooperative_name} invites you to run its stall as ${d.role === "owner" ? "an owner" : "staff"}.`,
      `The invitation is valid until ${formatInstant(d.expires_at)} (Vietnam time).`,
    ],
    action: d.url ? { label: "Accept the invitation", url: d.url } : undefined,
    outro: d.url ? [] : ["The person who invited you will give you the invitation code."],
  }),
})
