import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CoopstallError, ErrorTypes } from "../../../../lib/errors"
import { configuredPeriodKind, lastEndedPeriod, parsePeriod, periodExample } from "../../../../modules/payout"
import { payoutPreview } from "../../../../workflows/payout/read/payout-preview"

/**
 * GET /admin/payout-runs/preview?period=: who the run of a period (default: the last one that has
 * ended) would pay now, and who it would skip and why. Read-only.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { period: key } = req.validatedQuery as { period?: string }
  const kind = configuredPeriodKind()
  const period = key ? parsePeriod(key, kind) : lastEndedPeriod(new Date(), kind)
  if (!period) {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_period", `"${key}" is not a payout period; payouts run per ${kind}, e.g. ${periodExample(kind)}.`, [
      { path: "period", message: `must be a ${kind} like ${periodExample(kind)}` },
    ])
  }
  res.json({ preview: await payoutPreview(req.scope, period) })
}
