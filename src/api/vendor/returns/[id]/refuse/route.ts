import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../../tenant"
import { answerReturn } from "../../decide"
import type { z } from "zod"
import type { RefuseReturnBody } from "../../../../store/returns/validators"

/** POST /vendor/returns/:id/refuse `{ reason }`: the cooperative refuses, saying why; the shopper may escalate to the union. */
export const POST = async (req: VendorRequest<z.infer<typeof RefuseReturnBody>>, res: MedusaResponse) => answerReturn(req, res, "refuse", req.validatedBody.reason)
