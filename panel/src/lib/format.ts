import i18n from "./i18n"

const TZ = "Asia/Ho_Chi_Minh"

/** Whole đồng, grouped the Vietnamese way in both languages: 120000 → "120.000 ₫". */
export function vnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—"
  const sign = amount < 0 ? "-" : ""
  const digits = String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ".")
  return `${sign}${digits}\u00a0₫`
}

const locale = () => (i18n.language === "en" ? "en-GB" : "vi-VN")

/** A date and time in Vietnam time, whatever the phone's time zone. */
export function dateTime(value: string | Date | null | undefined): string {
  if (!value) return "—"
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(value))
}

export function date(value: string | Date | null | undefined): string {
  if (!value) return "—"
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(value))
}

/** Grams as people say them: 500 g, 1,5 kg. */
export function grams(value: number | null | undefined): string {
  if (!value) return "—"
  if (value < 1000) return `${value} g`
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value / 1000)} kg`
}
