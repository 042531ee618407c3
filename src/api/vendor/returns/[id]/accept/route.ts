import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../../tenant"
import { answerReturn } from "../../decide"

/** POST /vendor/returns/:id/accept `{ note? }`: the cooperative takes the items back; the shopper sends the parcel. */
export const POST = async (req: VendorRequest, res: MedusaResponse) => answerReturn(req, res, "accept", (req as any).validatedBody.note ?? null)
