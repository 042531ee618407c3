import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isCalendarDay, startOfVnDay, addDaysToDay } from "../../../lib/dates"
import { orderDisplayIds, recordCodRemittance, remittanceView } from "./helpers"
import { LEDGER_MODULE, LedgerModuleService } from "../../../modules/ledger"
import type { z } from "zod"
import type { ListCodRemittancesQuery } from "./validators"

/**
 * POST /admin/cod-remittances { order_id, carrier, amount, reference?, remitted_at? }: a carrier of
 * the union's contract remitted an order's cash on delivery. 201 with the remittance (and what was
 * booked); the same remittance again answers 200 with the first one.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const body = req.validatedBody as { order_id: string; carrier: string; amount: number; reference?: string | null; remitted_at?: string }
  const done = await recordCodRemittance(req.scope, { ...body, recorded_by: req.auth_context.actor_id, source: "admin" })
  res.status(done.created ? 201 : 200).json(done)
}

const instant = (v: string, end: boolean) => (isCalendarDay(v) ? startOfVnDay(end ? addDaysToDay(v, 1) : v) : new Date(v))

/** GET /admin/cod-remittances?order_id=&order_group_id=&cooperative_id=&carrier=&reference=&source=&from=&to=&limit=&offset=: newest remittance first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as z.infer<typeof ListCodRemittancesQuery>
  const filters: Record<string, unknown> = {}
  for (const key of ["order_id", "order_group_id", "cooperative_id", "carrier", "reference", "source"] as const) if (q[key]) filters[key] = q[key]
  const at: Record<string, Date> = {}
  if (q.from) at.$gte = instant(q.from, false)
  if (q.to) at.$lt = instant(q.to, true)
  if (Object.keys(at).length) filters.remitted_at = at
  const ledger: LedgerModuleService = req.scope.resolve(LEDGER_MODULE)
  const [rows, count] = await ledger.listAndCountCodRemittances(filters, { order: { remitted_at: "DESC", id: "DESC" }, skip: q.offset, take: q.limit })
  const displayIdOf = await orderDisplayIds(req.scope, rows.map((r) => r.order_id))
  res.json({ cod_remittances: rows.map((r) => remittanceView(r, displayIdOf)), count, limit: q.limit, offset: q.offset })
}
