import type { MedusaResponse } from "@medusajs/framework/http"
import { conflict } from "../../../../../lib/errors"
import { retrieveLot, serializeVendorLot } from "../../../../../workflows/traceability/read/lots"
import { lotChanged } from "../../../../../workflows/traceability/utils/lots"
import { publishCooperativeLotWorkflow } from "../../../../../workflows/traceability/publish-lot"
import type { VendorRequest } from "../../../tenant"

/**
 * POST /vendor/lots/:id/publish: makes the lot's page public. From then on its details are fixed and
 * its events append-only. Needs at least one recorded step; only an approved cooperative gets here
 * (capability `publish_trace` in ../../../access.ts).
 */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const lot = await retrieveLot(req.scope, req.params.id)
  if (lot.status === "published") throw conflict("lot_already_published", "This lot is already published.")
  if (!lot.events.length) throw conflict("lot_has_no_events", "Record at least one step (trace event) before publishing the lot.")
  await publishCooperativeLotWorkflow(req.scope).run({ input: { cooperative_id: req.tenant.cooperative.id, id: lot.id } })
  lotChanged(lot)
  res.json({ lot: await serializeVendorLot(req.scope, await retrieveLot(req.scope, lot.id)) })
}
