import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { RECONCILIATION_IDENTITY, reconcile } from "../../../../workflows/ledger/read/reconciliation"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../../../modules/cooperative"
import type { z } from "zod"
import type { ReconciliationQuery } from "../validators"

/**
 * GET /admin/ledger/reconciliation?cooperative_id=: one cooperative's reconciliation, or a page of
 * every cooperative with ledger lines (limit, offset) and the union-wide totals.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { cooperative_id, limit, offset } = req.validatedQuery as z.infer<typeof ReconciliationQuery>
  const cooperatives: CooperativeModuleService = req.scope.resolve(COOPERATIVE_MODULE)
  if (cooperative_id && !(await cooperatives.listCooperatives({ id: cooperative_id }, { select: ["id"] })).length) {
    throw notFound("Cooperative", cooperative_id)
  }
  const at = new Date()
  const report = await reconcile(req.scope, { cooperative_id, limit, offset, at })
  const ids = report.reconciliations.map((r) => r.cooperative_id)
  const named = new Map(
    (ids.length ? await cooperatives.listCooperatives({ id: ids }, { select: ["id", "name", "handle"] }) : []).map((c) => [c.id, c])
  )
  const withCooperative = <R extends { cooperative_id: string }>(r: R) => {
    const c = named.get(r.cooperative_id)
    return { ...r, cooperative: c ? { id: c.id, name: c.name, handle: c.handle } : { id: r.cooperative_id, name: null, handle: null } }
  }
  if (cooperative_id) {
    return res.json({ identity: RECONCILIATION_IDENTITY, at, reconciliation: withCooperative(report.reconciliations[0]) })
  }
  const { cooperative_id: _all, ...totals } = report.totals
  res.json({ identity: RECONCILIATION_IDENTITY, at, reconciliations: report.reconciliations.map(withCooperative), totals, count: report.count, limit, offset })
}
