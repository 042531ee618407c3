import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isLockBusy, refusalOf } from "../../../lib/errors"
import type { CodRemittanceInput } from "../../../workflows/ledger/steps/create-cod-remittance"
import { bookDeliveredOrderWorkflow } from "../../../workflows/ledger/book-delivered-order"
import { recordCodRemittanceWorkflow } from "../../../workflows/ledger/record-cod-remittance"
import { parseRemittanceCsv, type RemittanceCsvRow } from "../../../modules/ledger/rules/remittance-csv"

// Carriers' cash-on-delivery remittances to the union: recording one (by hand or from a statement),
// and what the admin routes answer.

/** A remittance as the ledger module stores it (the fields answered). */
type RemittanceRecord = {
  id: string
  order_id: string
  order_group_id?: string | null
  cooperative_id: string
  carrier: string
  amount: unknown
  reference?: string | null
  remitted_at: unknown
  recorded_by?: string | null
  source: string
  created_at: unknown
}

export function remittanceView(r: RemittanceRecord, displayIdOf: Map<string, number> = new Map()) {
  return {
    id: r.id,
    order: { id: r.order_id, display_id: displayIdOf.get(r.order_id) ?? null },
    order_group_id: r.order_group_id,
    cooperative_id: r.cooperative_id,
    carrier: r.carrier,
    amount: Number(r.amount),
    reference: r.reference ?? null,
    remitted_at: r.remitted_at,
    recorded_by: r.recorded_by ?? null,
    source: r.source,
    created_at: r.created_at,
  }
}

export { orderDisplayIds } from "../../../workflows/ledger/read/statement"

/**
 * Records a remittance (once per order; the same one again changes nothing) and books the order's
 * sale if it is delivered: from now on its money is in, so it is payable after the hold.
 */
export async function recordCodRemittance(container: MedusaContainer, input: CodRemittanceInput) {
  const { result } = await recordCodRemittanceWorkflow(container).run({ input })
  const { result: booking } = await bookDeliveredOrderWorkflow(container).run({ input: { order_id: input.order_id } })
  return {
    remittance: remittanceView(result.remittance, new Map(result.display_id ? [[input.order_id, result.display_id]] : [])),
    created: result.created,
    booking: { delivered: booking.delivered, awaiting_payment: booking.awaiting_payment, booked: booking.booked },
  }
}

export type ImportOutcome =
  | { line: number; order: string; status: "recorded" | "already_recorded"; remittance_id: string; order_id: string }
  | { line: number; order?: string; status: "rejected"; code: string; message: string }

/** Why a row was not recorded, when the reason is the row's (not the server's): our 4xx, a busy lock, Medusa refusing the capture. */
type Thrown = { message?: string; type?: string } | null | undefined

function rowRefusal(thrown: unknown): { code: string; message: string } | null {
  const ours = refusalOf(thrown)
  if (ours) return ours.status < 500 ? { code: ours.code, message: ours.message } : null
  const err = thrown as Thrown
  if (isLockBusy(err)) return { code: "busy", message: "Another request is recording this order's remittance; import the row again." }
  if ([MedusaError.Types.NOT_ALLOWED, MedusaError.Types.INVALID_DATA, MedusaError.Types.NOT_FOUND].includes(err?.type ?? "")) {
    return { code: "payment_refused", message: String(err!.message ?? "The payment refused the capture.").slice(0, 300) }
  }
  return null
}

const label = (o: RemittanceCsvRow["order"]) => ("id" in o ? o.id : `#${o.display_id}`)

/**
 * Imports a statement row by row, in file order: each row is recorded, found already recorded, or
 * rejected with a code and a reason. Importing the same file again records nothing twice (each
 * order has one remittance, and the same one again is `already_recorded`).
 */
export async function importRemittanceStatement(container: MedusaContainer, csv: string, recordedBy: string | null) {
  const parsed = parseRemittanceCsv(csv)
  if (!parsed.ok) return parsed
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const displayIds = [...new Set(parsed.rows.flatMap((r) => ("display_id" in r.order ? [r.order.display_id] : [])))]
  const orderIdOf = new Map<number, string>()
  for (let i = 0; i < displayIds.length; i += 500) {
    const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { display_id: displayIds.slice(i, i + 500) as unknown as string[] } }) // display_id is a number; the generated filter type says string
    for (const o of data) orderIdOf.set(Number(o.display_id), o.id)
  }
  const outcomes: ImportOutcome[] = parsed.issues.map((i) => ({ line: i.line, ...(i.order ? { order: i.order } : {}), status: "rejected" as const, code: i.code, message: i.message }))
  for (const row of parsed.rows) {
    const orderId = "id" in row.order ? row.order.id : orderIdOf.get(row.order.display_id)
    if (!orderId) {
      outcomes.push({ line: row.line, order: label(row.order), status: "rejected", code: "not_found", message: `Order ${label(row.order)} was not found.` })
      continue
    }
    if (row.remitted_at && new Date(row.remitted_at).getTime() > Date.now() + 5 * 60_000) {
      outcomes.push({ line: row.line, order: label(row.order), status: "rejected", code: "invalid_remitted_at", message: "remitted_at is in the future." })
      continue
    }
    try {
      const done = await recordCodRemittance(container, {
        order_id: orderId, carrier: row.carrier, amount: row.amount, reference: row.reference, remitted_at: row.remitted_at, recorded_by: recordedBy, source: "csv",
      })
      outcomes.push({ line: row.line, order: label(row.order), status: done.created ? "recorded" : "already_recorded", remittance_id: done.remittance.id, order_id: orderId })
    } catch (err) {
      const refused = rowRefusal(err)
      if (!refused) throw err
      outcomes.push({ line: row.line, order: label(row.order), status: "rejected", ...refused })
    }
  }
  outcomes.sort((a, b) => a.line - b.line)
  const count = (s: string) => outcomes.filter((o) => o.status === s).length
  return { ok: true as const, summary: { rows: outcomes.length, recorded: count("recorded"), already_recorded: count("already_recorded"), rejected: count("rejected") }, rows: outcomes }
}
