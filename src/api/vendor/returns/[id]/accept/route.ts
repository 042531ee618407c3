import type { MedusaResponse } from "@medusajs/framework/http"
import type { VendorRequest } from "../../../tenant"
import { answerReturn } from "../../decide"
import type { z } from "zod"
import type { AcceptReturnBody } from "../../../../store/returns/validators"

/** POST /vendor/returns/:id/accept `{ note? }`: the cooperative takes the items back; the shopper sends the parcel. */
export const POST = async (req: VendorRequest<z.infer<typeof AcceptReturnBody>>, res: MedusaResponse) => answerReturn(req, res, "accept", req.validatedBody.note ?? null)
