import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../../lib/errors"
import { importRemittanceStatement } from "../helpers"
import type { StatementRequest } from "../middlewares"

/**
 * POST /admin/cod-remittances/import: a carrier's remittance statement (text/csv, or JSON { csv }).
 * Columns (header row): order (order id, or its number 123 / #123), carrier, amount, and optionally
 * reference and remitted_at. Answers per row recorded / already_recorded / rejected (code, reason);
 * a file that is not a table at all is refused whole (400).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const result = await importRemittanceStatement(req.scope, (req as AuthenticatedMedusaRequest & StatementRequest).statement, req.auth_context.actor_id)
  if (!result.ok) throw new CoopstallError(result.code === "statement_too_large" ? ErrorTypes.PAYLOAD_TOO_LARGE : ErrorTypes.INVALID_DATA, result.code, result.message)
  res.json({ summary: result.summary, rows: result.rows })
}
