import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTracePage } from "../../../../t/trace-page"
import { codeForDigitalLink } from "../../../../../workflows/traceability/read/view"

/**
 * GET /01/{gtin}/10/{lot}: a GS1 Digital Link (AI 01 = GTIN in 8, 12, 13 or 14 digits, AI 10 = lot
 * number) answers the same page as /t/{code}. Extra query parameters (e.g. ?17=YYMMDD) are ignored.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const code = await codeForDigitalLink(req.scope, req.params.gtin, req.params.lot)
  await sendTracePage(req, res, code)
}
