import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerEntryType, LedgerModuleService } from "../../../modules/ledger"
import { vnDayTime } from "../../../lib/dates"

// What a cooperative (and the union, on its behalf) reads of its ledger: the three balances and the
// lines, newest first, each with the order it came from.

export type LedgerFilters = { type?: LedgerEntryType[]; from?: Date; to?: Date }

const LINE_COLUMNS = [
  "id", "type", "amount", "source_type", "source_id", "order_id", "line_item_id", "payout_id",
  "rate_bps", "commission_rate_id", "description", "reason", "created_by", "occurred_at", "available_at",
]

function whereOf(cooperativeId: string, f: LedgerFilters) {
  const where: Record<string, unknown> = { cooperative_id: cooperativeId }
  if (f.type?.length) where.type = f.type
  const occurred: Record<string, Date> = {}
  if (f.from) occurred.$gte = f.from
  if (f.to) occurred.$lt = f.to
  if (Object.keys(occurred).length) where.occurred_at = occurred
  return where
}

/** display_id of each order, one query for a whole page. */
export async function orderDisplayIds(container: MedusaContainer, orderIds: (string | null | undefined)[]): Promise<Map<string, number>> {
  const ids = [...new Set(orderIds.filter((id): id is string => Boolean(id)))]
  if (!ids.length) return new Map()
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["id", "display_id"], filters: { id: ids } })
  return new Map(data.map((o) => [o.id, Number(o.display_id)] as const))
}

/** A ledger line as the module lists it (amount may still be the column's string). */
type LedgerLineRow = {
  id: string
  type: string
  amount: number | string
  description?: string | null
  reason?: string | null
  rate_bps?: number | null
  commission_rate_id?: string | null
  source_type: string
  source_id: string
  order_id?: string | null
  line_item_id?: string | null
  payout_id?: string | null
  occurred_at: Date | string
  available_at: Date | string
}

export function serializeLedgerLine(e: LedgerLineRow, displayIdOf: Map<string, number>, now = new Date()) {
  return {
    id: e.id,
    type: e.type,
    amount: Number(e.amount),
    description: e.description ?? null,
    reason: e.reason ?? null,
    rate_bps: e.rate_bps ?? null,
    commission_rate_id: e.commission_rate_id ?? null,
    source: { type: e.source_type, id: e.source_id },
    order: e.order_id ? { id: e.order_id, display_id: displayIdOf.get(e.order_id) ?? null } : null,
    line_item_id: e.line_item_id ?? null,
    payout_id: e.payout_id ?? null,
    occurred_at: e.occurred_at,
    available_at: e.available_at,
    available: new Date(e.available_at) <= now,
  }
}

/** What each kind of line means, for a line booked without a description of its own (the CSV shows it). */
export const LINE_DESCRIPTIONS: Partial<Record<LedgerEntryType, string>> = {
  sale: "Doanh thu bán hàng",
  shipping: "Phí vận chuyển",
  commission: "Hoa hồng cho Liên minh HTX",
  refund: "Hoàn tiền cho khách",
  adjustment: "Điều chỉnh của Liên minh HTX",
  payout: "Liên minh HTX chi trả",
  payout_reversal: "Khoản chi trả bị hoàn lại",
  cash_collected: "Tiền mặt HTX đã thu của khách (COD)",
  failed_delivery: "Giao hàng không thành công (phí hoàn hàng)",
}

/**
 * Cash on delivery in the cooperative's words: what it collected itself, what it owes the union
 * (max(0, −balance)), what the union's carriers remitted for its orders, and its failed deliveries.
 */
export async function cashSummary(container: MedusaContainer, cooperativeId: string, balance: number) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const [lines, remitted] = await Promise.all([
    knex.raw(
      `select coalesce(sum(amount) filter (where type = 'cash_collected'), 0) as cash_collected,
              coalesce(sum(amount) filter (where type = 'failed_delivery'), 0) as failed_deliveries
         from ledger_entry where deleted_at is null and cooperative_id = ? and type in ('cash_collected', 'failed_delivery')`,
      [cooperativeId]
    ),
    knex.raw(`select coalesce(sum(amount), 0) as remitted from cod_remittance where deleted_at is null and cooperative_id = ?`, [cooperativeId]),
  ])
  return {
    cash_collected: -Number(lines.rows[0]?.cash_collected ?? 0),
    commission_owed: Math.max(0, -balance),
    remittances: Number(remitted.rows[0]?.remitted ?? 0),
    failed_deliveries: Number(lines.rows[0]?.failed_deliveries ?? 0),
  }
}

/** GET …/ledger: balance, available and pending now, what it owes, and one page of lines (newest first). */
export async function ledgerStatement(container: MedusaContainer, cooperativeId: string, filters: LedgerFilters, page: { limit: number; offset: number }) {
  const ledger: LedgerModuleService = container.resolve(LEDGER_MODULE)
  const now = new Date()
  const [balances, [lines, count]] = await Promise.all([
    ledger.balances([cooperativeId], now),
    ledger.listAndCountLedgerEntries(whereOf(cooperativeId, filters), {
      select: LINE_COLUMNS,
      order: { occurred_at: "DESC", id: "DESC" },
      skip: page.offset,
      take: page.limit,
    }),
  ])
  const { balance, available, pending } = balances.get(cooperativeId)!
  const [displayIdOf, cash] = await Promise.all([orderDisplayIds(container, lines.map((l) => l.order_id)), cashSummary(container, cooperativeId, balance)])
  return {
    currency_code: "vnd",
    balance,
    available,
    pending,
    ...cash,
    entries: lines.map((l) => serializeLedgerLine(l, displayIdOf, now)),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}

const CSV_BATCH = 1000

type CsvRow = Pick<LedgerLineRow, "id" | "type" | "amount" | "description" | "reason" | "order_id" | "rate_bps"> & { occurred_at: Date }

/** A CSV cell; text a spreadsheet would run as a formula is prefixed with a quote. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return ""
  let s = String(value)
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * Writes the cooperative's ledger as CSV (UTF-8 with a BOM, so Excel shows Vietnamese), newest
 * first, reading CSV_BATCH lines at a time by keyset (occurred_at, id): memory stays flat however
 * long the ledger, and the response waits for the client when it reads slowly.
 */
export async function writeLedgerCsv(
  container: MedusaContainer,
  cooperativeId: string,
  filters: LedgerFilters,
  out: { write: (chunk: string) => boolean; once: (event: "drain", cb: () => void) => unknown }
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", resolve))
  }
  await write("\uFEFF" + ["date", "type", "description", "order", "amount", "rate"].join(",") + "\r\n")
  let after: { occurred_at: Date; id: string } | null = null
  for (;;) {
    const q = knex("ledger_entry")
      .select("id", "type", "amount", "description", "reason", "order_id", "rate_bps", "occurred_at")
      .where({ cooperative_id: cooperativeId })
      .whereNull("deleted_at")
    if (filters.type?.length) q.whereIn("type", filters.type)
    if (filters.from) q.where("occurred_at", ">=", filters.from)
    if (filters.to) q.where("occurred_at", "<", filters.to)
    if (after) q.whereRaw("(occurred_at, id) < (?, ?)", [after.occurred_at, after.id])
    const rows: CsvRow[] = await q.orderBy([{ column: "occurred_at", order: "desc" }, { column: "id", order: "desc" }]).limit(CSV_BATCH)
    if (!rows.length) break
    const displayIdOf = await orderDisplayIds(container, rows.map((r) => r.order_id))
    await write(
      rows
        .map((r) =>
          [
            vnDayTime(r.occurred_at),
            r.type,
            r.description ?? r.reason ?? LINE_DESCRIPTIONS[r.type as LedgerEntryType] ?? "",
            r.order_id ? `#${displayIdOf.get(r.order_id) ?? r.order_id}` : "",
            Number(r.amount),
            r.rate_bps === null || r.rate_bps === undefined ? "" : `${r.rate_bps / 100}%`,
          ]
            .map(cell)
            .join(",")
        )
        .join("\r\n") + "\r\n"
    )
    if (rows.length < CSV_BATCH) break
    after = { occurred_at: rows[rows.length - 1].occurred_at, id: rows[rows.length - 1].id }
  }
}
