import type { MedusaResponse } from "@medusajs/framework/http"
import { retrieveCertificationView } from "../../../../workflows/certification/read/certification-view"
import { resubmitCertificationWorkflow } from "../../../../workflows/certification/resubmit-certification"
import type { VendorRequest } from "../../tenant"
import type { ResubmitOcopRatingBody } from "../validators"

/** GET /vendor/ocop-ratings/:id: one of the cooperative's ratings with its review history. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ ocop_rating: await retrieveCertificationView(req.scope, "ocop_rating", req.params.id) })
}

/** POST /vendor/ocop-ratings/:id: correct a rejected or pending rating; it goes back to the union's queue. */
export const POST = async (req: VendorRequest<ResubmitOcopRatingBody>, res: MedusaResponse) => {
  await resubmitCertificationWorkflow(req.scope).run({
    input: {
      subject_type: "ocop_rating",
      cooperative_id: req.tenant.cooperative.id,
      id: req.params.id,
      fields: req.validatedBody as ResubmitOcopRatingBody,
      actor_type: "vendor",
      actor_id: req.tenant.user.id,
    },
  })
  res.json({ ocop_rating: await retrieveCertificationView(req.scope, "ocop_rating", req.params.id) })
}
