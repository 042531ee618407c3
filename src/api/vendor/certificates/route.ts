import type { MedusaResponse } from "@medusajs/framework/http"
import { listCertificationViews, retrieveCertificationView } from "../../../workflows/certification/read/certification-view"
import { submitCertificationWorkflow } from "../../../workflows/certification/submit-certification"
import type { VendorRequest } from "../tenant"
import type { SubmitCertificateBody } from "./validators"
import type { z } from "zod"
import type { ListCertificatesQuery } from "./validators"

/** GET /vendor/certificates: the cooperative's own certificates, with status and the union's notes. */
export const GET = async (req: VendorRequest, res: MedusaResponse) => {
  const { limit, offset, status, type } = req.validatedQuery as z.infer<typeof ListCertificatesQuery>
  const filters: Record<string, unknown> = { cooperative_id: req.tenant.cooperative.id }
  if (status) filters.status = status
  if (type) filters.type = type
  const { items, count } = await listCertificationViews(req.scope, "certificate", filters, { limit, offset })
  res.json({ certificates: items, count, limit, offset })
}

/** POST /vendor/certificates: submit a product's certificate (VietGAP, organic, GlobalG.A.P. …) for the union to verify. */
export const POST = async (req: VendorRequest<SubmitCertificateBody>, res: MedusaResponse) => {
  const { result } = await submitCertificationWorkflow(req.scope).run({
    input: {
      subject_type: "certificate",
      cooperative_id: req.tenant.cooperative.id,
      // The holder is the cooperative unless the certificate names someone else (e.g. its member households).
      fields: { holder_name: req.tenant.cooperative.legal_name, ...(req.validatedBody as SubmitCertificateBody) },
      actor_type: "vendor",
      actor_id: req.tenant.user.id,
    },
  })
  res.status(201).json({ certificate: await retrieveCertificationView(req.scope, "certificate", result.id) })
}
