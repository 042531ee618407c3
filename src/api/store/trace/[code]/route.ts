import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../lib/errors"
import { traceByCode } from "../../../../workflows/traceability/read/view"

/** GET /store/trace/:code: the public traceability page as JSON (publishable key, like every /store route). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { view } = await traceByCode(req.scope, req.params.code)
  if (!view) throw notFound("Lot", req.params.code)
  res.json({ trace: view })
}
