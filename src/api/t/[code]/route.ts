import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTracePage } from "../trace-page"

/** GET /t/:code: the public traceability page of a published lot (what a package's QR code opens). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendTracePage(req, res, req.params.code)
}
