// A carrier's cash-on-delivery remittance statement as the union receives it (docs/money/cash-on-delivery.md):
// a CSV with a header row; comma, semicolon or tab separated (Excel in Vietnamese writes semicolons);
// UTF-8, with or without a BOM; quoted cells as RFC 4180. Pure: nothing here touches the database.

import { CONTROL, LONE_SURROGATE } from "../../../lib/input-guard"

export const REMITTANCE_CSV_LIMITS = { bytes: 1_000_000, rows: 2_000, cell: 500 } as const

/** Header names accepted for each column (case and spaces ignored). */
const HEADERS: Record<"order" | "carrier" | "amount" | "reference" | "remitted_at", string[]> = {
  order: ["order", "order_id", "display_id", "order_display_id", "ma_don", "don_hang"],
  carrier: ["carrier", "don_vi_van_chuyen", "nha_van_chuyen"],
  amount: ["amount", "so_tien", "cod_amount"],
  reference: ["reference", "ma_tham_chieu", "ref"],
  remitted_at: ["remitted_at", "ngay", "date", "ngay_chuyen"],
}

export type RemittanceCsvRow = {
  /** 1-based line number in the file (the header is line 1). */
  line: number
  /** An order id (order_…) or a display id (123 or #123). */
  order: { id: string } | { display_id: number }
  carrier: string
  amount: number
  reference: string | null
  remitted_at: string | null
}

export type RemittanceCsvIssue = { line: number; code: string; message: string; order?: string }

export type ParsedRemittanceCsv =
  | { ok: true; rows: RemittanceCsvRow[]; issues: RemittanceCsvIssue[] }
  | { ok: false; code: string; message: string }

/** Splits CSV text into records of cells, honouring quotes; null when a quote is never closed. */
export function splitCsv(text: string, separator: string): string[][] | null {
  const records: string[][] = []
  let record: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += c
    } else if (c === '"' && cell === "") quoted = true
    else if (c === separator) {
      record.push(cell)
      cell = ""
    }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      record.push(cell)
      records.push(record)
      record = []
      cell = ""
    } else cell += c
  }
  if (quoted) return null
  if (cell !== "" || record.length) {
    record.push(cell)
    records.push(record)
  }
  return records
}

const normalize = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_")

/** Whole đồng as carriers write them: 120000, 120.000, 120,000, "120 000", with ₫/đ/VND after it. */
export function parseVnd(raw: string): number | null {
  const s = raw.trim().replace(/\s*(₫|đ|vnd|vnđ)$/i, "").replace(/[\s\u00a0]/g, "")
  if (/^\d{1,13}$/.test(s)) return Number(s)
  if (/^\d{1,3}([.,]\d{3})+$/.test(s) && new Set(s.replace(/\d/g, "")).size === 1) return Number(s.replace(/[.,]/g, ""))
  return null
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const VN_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

/** A day (YYYY-MM-DD or DD/MM/YYYY, midnight in Vietnam) or an instant with its offset, as ISO; null if neither. */
export function parseRemittedAt(raw: string): string | null {
  const s = raw.trim()
  let iso: string | null = null
  const d = DAY.exec(s)
  const vn = VN_DAY.exec(s)
  if (d) iso = `${d[1]}-${d[2]}-${d[3]}T00:00:00+07:00`
  else if (vn) iso = `${vn[3]}-${vn[2].padStart(2, "0")}-${vn[1].padStart(2, "0")}T00:00:00+07:00`
  else if (INSTANT.test(s)) iso = s.replace(" ", "T")
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 2199) return null
  // 31/02 rolls over in Date: refuse days that do not exist.
  const [y, m, day] = iso.slice(0, 10).split("-").map(Number)
  const check = new Date(Date.UTC(y, m - 1, day))
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return null
  return at.toISOString()
}


/**
 * Parses a remittance statement: the whole file is refused only when it cannot be read as a table
 * (too large, no header, a missing column, an unclosed quote); otherwise each row is either a
 * remittance to record or an issue naming its line, so one bad row never hides the good ones.
 */
export function parseRemittanceCsv(input: string): ParsedRemittanceCsv {
  if (typeof input !== "string" || !input.trim()) return { ok: false, code: "empty_statement", message: "The statement is empty." }
  if (Buffer.byteLength(input, "utf8") > REMITTANCE_CSV_LIMITS.bytes) {
    return { ok: false, code: "statement_too_large", message: `A statement may be at most ${REMITTANCE_CSV_LIMITS.bytes} bytes; split it.` }
  }
  const text = input.replace(/^\uFEFF/, "")
  const firstLine = text.split(/\r?\n/, 1)[0]
  const separator = [";", "\t", ","].map((s) => [s, firstLine.split(s).length] as const).sort((a, b) => b[1] - a[1])[0][0]
  const records = splitCsv(text, separator)
  if (!records) return { ok: false, code: "invalid_csv", message: "A quoted cell is never closed." }
  const [header, ...body] = records
  const names = header.map(normalize)
  const column: Partial<Record<keyof typeof HEADERS, number>> = {}
  for (const [key, aliases] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][]) {
    const at = names.findIndex((n) => aliases.includes(n))
    if (at >= 0) column[key] = at
  }
  const missing = (["order", "carrier", "amount"] as const).filter((k) => column[k] === undefined)
  if (missing.length) {
    return { ok: false, code: "invalid_csv_header", message: `The header must name the columns order, carrier and amount (reference and remitted_at are optional); missing: ${missing.join(", ")}.` }
  }
  const lines = body.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ""))
  if (lines.length > REMITTANCE_CSV_LIMITS.rows) {
    return { ok: false, code: "statement_too_large", message: `A statement may have at most ${REMITTANCE_CSV_LIMITS.rows} rows; split it.` }
  }
  const rows: RemittanceCsvRow[] = []
  const issues: RemittanceCsvIssue[] = []
  for (const { cells, line } of lines) {
    const get = (k: keyof typeof HEADERS) => (column[k] === undefined ? "" : (cells[column[k]!] ?? "").trim())
    const orderRaw = get("order")
    const bad = (code: string, message: string) => issues.push({ line, code, message, ...(orderRaw ? { order: orderRaw.slice(0, 100) } : {}) })
    if (cells.some((c) => c.length > REMITTANCE_CSV_LIMITS.cell || CONTROL.test(c) || LONE_SURROGATE.test(c))) {
      bad("invalid_row", `A cell is longer than ${REMITTANCE_CSV_LIMITS.cell} characters or contains a control character.`)
      continue
    }
    let order: RemittanceCsvRow["order"] | null = null
    if (/^order_[0-9A-Za-z]{1,64}$/.test(orderRaw)) order = { id: orderRaw }
    else if (/^#?\d{1,9}$/.test(orderRaw)) order = { display_id: Number(orderRaw.replace("#", "")) }
    if (!order || ("display_id" in order && order.display_id < 1)) {
      bad("invalid_order", "order must be an order id (order_…) or its number (123 or #123).")
      continue
    }
    const carrier = get("carrier")
    if (!carrier || carrier.length > 100) {
      bad("invalid_carrier", "carrier is required (at most 100 characters).")
      continue
    }
    const amount = parseVnd(get("amount"))
    if (amount === null || amount <= 0 || amount > 1_000_000_000_000) {
      bad("invalid_amount", "amount must be a whole number of đồng, more than zero.")
      continue
    }
    const reference = get("reference") || null
    if (reference && reference.length > 200) {
      bad("invalid_reference", "reference is at most 200 characters.")
      continue
    }
    const rawAt = get("remitted_at")
    const remitted_at = rawAt ? parseRemittedAt(rawAt) : null
    if (rawAt && !remitted_at) {
      bad("invalid_remitted_at", "remitted_at must be a day (2026-12-01 or 01/12/2026) or an instant with its offset.")
      continue
    }
    rows.push({ line, order, carrier, amount, reference, remitted_at })
  }
  return { ok: true, rows, issues }
}
