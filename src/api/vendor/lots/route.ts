import type { MedusaResponse } from "@medusajs/framework/http"
import { serializeVendorLot, serializeVendorLots, traceability } from "../../../workflows/traceability/read/lots"
import { createCooperativeLotWorkflow } from "../../../workflows/traceability/create-lot"
import type { VendorRequest } from "../tenant"
import type { CreateLotBody } from "./validators"
import type { z } from "zod"
import type { ListLotsQuery } from "./validators"

/** GET /vendor/lots: the cooperative's lots, newest first; filters status, product_id, variant_id, q (code or lot number). */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, status, product_id, variant_id, q } = req.validatedQuery as z.infer<typeof ListLotsQuery>
  const filters: Record<string, unknown> = { cooperative_id: req.tenant.cooperative.id }
  if (status) filters.status = status
  if (product_id) filters.product_id = product_id
  if (variant_id) filters.variant_id = variant_id
  if (q) filters.$or = [{ code: q.toUpperCase() }, { lot_number: q }]
  const [lots, count] = await traceability(req.scope).listAndCountLots(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ lots: await serializeVendorLots(req.scope, lots), count, limit, offset })
}

/** POST /vendor/lots: a draft lot of one of the cooperative's variants. */
export const POST = async (req: VendorRequest<CreateLotBody>, res: MedusaResponse) => {
  const body = req.validatedBody as CreateLotBody
  const { result: lot } = await createCooperativeLotWorkflow(req.scope).run({
    input: { cooperative_id: req.tenant.cooperative.id, lot: body },
  })
  res.status(201).json({ lot: await serializeVendorLot(req.scope, { ...lot, events: [] }) })
}
