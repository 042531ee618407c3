import type { TFunction } from "i18next"
import i18n from "./i18n"
import { ApiError, type FieldIssue } from "./sdk"

// The server answers in English with a stable `code` and, for a form, `errors: [{ path, message }]`.
// People read Vietnamese: messages are chosen by code and by field, and the server's own words are
// shown only in English (or when nothing better is known, after the Vietnamese one).

const PATTERNS: Array<[RegExp, string, (m: RegExpMatchArray) => Record<string, string>]> = [
  [/must not be empty|^Required$/i, "errors.field.required", () => ({})],
  [/at most (\d+) character/i, "errors.field.too_long", (m) => ({ max: m[1] })],
  [/at least (\d+) character/i, "errors.field.too_short", (m) => ({ min: m[1] })],
  [/must be an email/i, "errors.field.email", () => ({})],
  [/tax code/i, "errors.field.tax_code", () => ({})],
  [/phone number/i, "errors.field.phone", () => ({})],
  [/34 provinces/i, "errors.field.province", () => ({})],
  [/6-digit BIN/i, "errors.field.bin", () => ({})],
  [/4 to 19 letters or digits/i, "errors.field.account_number", () => ({})],
  [/whole number|Expected integer/i, "errors.field.integer", () => ({})],
  [/greater than or equal to (\d+)/i, "errors.field.min", (m) => ({ min: m[1] })],
  [/less than or equal to (\d+)/i, "errors.field.max", (m) => ({ max: m[1] })],
  [/must be a URL|Invalid url/i, "errors.field.url", () => ({})],
  [/titles must differ/i, "errors.field.variant_titles", () => ({})],
  [/lowercase letters, digits/i, "errors.field.handle", () => ({})],
  // The lot and certificate pages' messages (words in locales/trace.ts, loaded with those pages).
  [/calendar day written YYYY-MM-DD|ISO 8601 instant/i, "errors.field.date", () => ({})],
  [/must not be before (\w+)/i, "errors.field.not_before", (m) => ({ field: i18n.t(`lot.${m[1]}`, { defaultValue: m[1] }).toLowerCase() })],
  [/1 to 20 letters, digits/i, "errors.field.lot_number", () => ({})],
  [/only 3, 4 or 5 stars/i, "errors.field.stars", () => ({})],
  [/at least one product/i, "errors.field.products_min", () => ({})],
]

export function issueMessage(issue: FieldIssue, t: TFunction = i18n.t): string {
  if (i18n.language === "en") return issue.message
  for (const [re, key, vars] of PATTERNS) {
    const m = issue.message.match(re)
    if (m) return t(key, vars(m))
  }
  return t("errors.field.invalid")
}

/** Field errors by path ("variants.0.price"), translated. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  return Object.fromEntries(error.errors.map((e) => [e.path, issueMessage(e)]))
}

/** One sentence for a failed request. */
export function errorMessage(error: unknown, t: TFunction = i18n.t): string {
  if (!(error instanceof ApiError)) return t("errors.unknown")
  const key = `errors.code.${error.code}`
  if (i18n.exists(key)) return t(key)
  if (error.status === 0) return t("errors.network")
  if (error.errors.length) return t("errors.check_fields")
  return i18n.language === "en" ? error.message : `${t("errors.unknown")} (${error.message})`
}
