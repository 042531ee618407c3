import escapeHtml from "escape-html"
import { unionName } from "./config"

/** The two languages every message is written in; Vietnamese unless the recipient is known to read English. */
export type Locale = "vi" | "en"

/**
 * A message before layout: what the recipient reads, in order. Templates return this; the layout
 * turns it into the HTML and plain-text bodies of one email, with the union's name around it.
 */
export type Message = {
  subject: string
  /** Paragraphs before anything else. */
  intro: string[]
  /** Titled blocks (one per cooperative of a purchase, the bank details, ...): each line a fact. */
  sections?: { title: string; lines: string[] }[]
  /** The one thing to do next, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string }
  /** Paragraphs after the action (how long a link is valid, whom to ask). */
  outro?: string[]
}

export type RenderedEmail = { subject: string; text: string; html: string }

/** Reads "vi", "vi-VN", "en", "en-GB", ...; anything else (or nothing) is Vietnamese. */
export function localeOf(value: unknown): Locale {
  return typeof value === "string" && /^en\b/i.test(value.trim()) ? "en" : "vi"
}

const FOOTER: Record<Locale, (union: string) => string> = {
  vi: (union) => `Thư này được gửi tự động từ ${union}. Vui lòng không trả lời thư này.`,
  en: (union) => `This message was sent automatically by ${union}. Please do not reply to it.`,
}

export function layOut(message: Message, locale: Locale): RenderedEmail {
  const union = unionName()
  const text = [
    union,
    "",
    ...message.intro.flatMap((p) => [p, ""]),
    ...(message.sections ?? []).flatMap((s) => [s.title, ...s.lines.map((l) => `  - ${l}`), ""]),
    ...(message.action ? [`${message.action.label}: ${message.action.url}`, ""] : []),
    ...(message.outro ?? []).flatMap((p) => [p, ""]),
    "--",
    FOOTER[locale](union),
  ].join("\n")

  const p = (t: string) => `<p style="margin:0 0 12px">${escapeHtml(t)}</p>`
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#f4f4f0;font-family:Arial,Helvetica,sans-serif;color:#222;font-size:15px;line-height:1.5">`,
    `<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:20px">`,
    `<div style="font-weight:bold;color:#2e6b30;margin-bottom:16px">${escapeHtml(union)}</div>`,
    ...message.intro.map(p),
    ...(message.sections ?? []).map(
      (s) =>
        `<h3 style="margin:16px 0 6px;font-size:15px">${escapeHtml(s.title)}</h3><ul style="margin:0 0 12px;padding-left:20px">${s.lines
          .map((l) => `<li>${escapeHtml(l)}</li>`)
          .join("")}</ul>`
    ),
    ...(message.action
      ? [
          `<p style="margin:20px 0"><a href="${escapeHtml(message.action.url)}" style="background:#2e6b30;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(message.action.label)}</a></p>`,
          `<p style="margin:0 0 12px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(message.action.url)}</p>`,
        ]
      : []),
    ...(message.outro ?? []).map(p),
    `<hr style="border:none;border-top:1px solid #ddd;margin:16px 0"><p style="font-size:12px;color:#777;margin:0">${escapeHtml(FOOTER[locale](union))}</p>`,
    `</div></body></html>`,
  ].join("\n")
  return { subject: message.subject, text, html }
}
