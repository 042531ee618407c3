import type { MedusaResponse } from "@medusajs/framework/http"
import { listCertificationViews, retrieveCertificationView } from "../../../workflows/certification/read/certification-view"
import { submitCertificationWorkflow } from "../../../workflows/certification/submit-certification"
import type { VendorRequest } from "../tenant"
import type { SubmitOcopRatingBody } from "./validators"
import type { z } from "zod"
import type { ListOcopRatingsQuery } from "./validators"

/** GET /vendor/ocop-ratings: the cooperative's own ratings, with status and the union's notes. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, status, product_id } = req.validatedQuery as z.infer<typeof ListOcopRatingsQuery>
  const filters: Record<string, unknown> = { cooperative_id: req.tenant.cooperative.id }
  if (status) filters.status = status
  if (product_id) filters.product_id = product_id
  const { items, count } = await listCertificationViews(req.scope, "ocop_rating", filters, { limit, offset })
  res.json({ ocop_ratings: items, count, limit, offset })
}

/** POST /vendor/ocop-ratings: submit a product's OCOP decision for the union to verify. */
export const POST = async (req: VendorRequest<SubmitOcopRatingBody>, res: MedusaResponse) => {
  const { result } = await submitCertificationWorkflow(req.scope).run({
    input: {
      subject_type: "ocop_rating",
      cooperative_id: req.tenant.cooperative.id,
      fields: req.validatedBody as SubmitOcopRatingBody,
      actor_type: "vendor",
      actor_id: req.tenant.user.id,
    },
  })
  res.status(201).json({ ocop_rating: await retrieveCertificationView(req.scope, "ocop_rating", result.id) })
}
