import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCertificationViews, retrieveCertificationView } from "../../workflows/certification/read/certification-view"
import { CoopstallError, ErrorTypes } from "../../lib/errors"
import { CertificationSubject, REVIEW_ACTIONS } from "../../modules/certification"
import { COOPERATIVE_MODULE, CooperativeModuleService } from "../../modules/cooperative"
import { reviewCertificationWorkflow } from "../../workflows/certification/review-certification"
import type { z } from "zod"
import type { AdminListCertificatesQuery, AdminListOcopRatingsQuery } from "./validators"

// The union's review desk, shared by /admin/ocop-ratings and /admin/certificates.

type QueueQuery = z.infer<typeof AdminListOcopRatingsQuery> & Pick<Partial<z.infer<typeof AdminListCertificatesQuery>>, "type">

const PLURAL: Record<CertificationSubject, string> = { ocop_rating: "ocop_ratings", certificate: "certificates" }

/** GET …?status=&province=&cooperative_id=&stars=|type=: the queue, oldest first when showing what waits for review. */
export const listQueue = (subject: CertificationSubject) => async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, status, province, cooperative_id, stars, type } = req.validatedQuery as QueueQuery
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (stars) filters.stars = stars
  if (type) filters.type = type
  if (province || cooperative_id) {
    const cooperatives = await (req.scope.resolve(COOPERATIVE_MODULE) as CooperativeModuleService).listCooperatives(
      { ...(province ? { province } : {}), ...(cooperative_id ? { id: cooperative_id } : {}) },
      { select: ["id"] }
    )
    if (!cooperatives.length) return res.json({ [PLURAL[subject]]: [], count: 0, limit, offset })
    filters.cooperative_id = cooperatives.map((c) => c.id)
  }
  const order = status === "submitted" ? { created_at: "ASC" as const } : { created_at: "DESC" as const }
  const { items, count } = await listCertificationViews(req.scope, subject, filters, { limit, offset, order })
  res.json({ [PLURAL[subject]]: items, count, limit, offset })
}

export const retrieveOne = (subject: CertificationSubject) => async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ [subject]: await retrieveCertificationView(req.scope, subject, req.params.id) })
}

/** POST …/:id/{verify,reject,revoke} with { note }: one route folder per decision. */
export const decide = (subject: CertificationSubject, action: (typeof REVIEW_ACTIONS)[number]) => async (
  req: AuthenticatedMedusaRequest<{ note?: string }>,
  res: MedusaResponse
) => {
  const note = req.validatedBody?.note
  if (!note && action !== "verify") {
    throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `A note saying why is required to ${action}.`, [{ path: "note", message: "Required" }])
  }
  await reviewCertificationWorkflow(req.scope).run({
    input: { subject_type: subject, id: req.params.id, action, note: note ?? null, actor_type: "user", actor_id: req.auth_context.actor_id },
  })
  res.json({ [subject]: await retrieveCertificationView(req.scope, subject, req.params.id) })
}
