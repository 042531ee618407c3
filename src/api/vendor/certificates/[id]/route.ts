import type { MedusaResponse } from "@medusajs/framework/http"
import { retrieveCertificationView } from "../../../../workflows/certification/read/certification-view"
import { resubmitCertificationWorkflow } from "../../../../workflows/certification/resubmit-certification"
import type { VendorRequest } from "../../tenant"
import type { ResubmitCertificateBody } from "../validators"

/** GET /vendor/certificates/:id: one of the cooperative's certificates with its review history. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  res.json({ certificate: await retrieveCertificationView(req.scope, "certificate", req.params.id) })
}

/** POST /vendor/certificates/:id: correct a rejected or pending certificate; it goes back to the union's queue. */
export const POST = async (req: VendorRequest<ResubmitCertificateBody>, res: MedusaResponse) => {
  await resubmitCertificationWorkflow(req.scope).run({
    input: {
      subject_type: "certificate",
      cooperative_id: req.tenant.cooperative.id,
      id: req.params.id,
      fields: req.validatedBody as ResubmitCertificateBody,
      actor_type: "vendor",
      actor_id: req.tenant.user.id,
    },
  })
  res.json({ certificate: await retrieveCertificationView(req.scope, "certificate", req.params.id) })
}
