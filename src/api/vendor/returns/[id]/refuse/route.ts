import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../../tenant"
import { answerReturn } from "../../decide"

/** POST /vendor/returns/:id/refuse `{ reason }`: the cooperative refuses, saying why; the shopper may escalate to the union. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => answerReturn(req, res, "refuse", (req as any).validatedBody.reason)
