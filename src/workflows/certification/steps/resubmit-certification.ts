import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { CERTIFICATION_MODULE, CertificationModuleService, CertificationSubject, REVIEW_TRANSITIONS } from "../../../modules/certification"
import type { Actor, CertificateRow, CertificationChange, OcopRatingRow } from "../../../modules/certification/service"

export type ResubmitCertificationInput = Actor & {
  subject_type: CertificationSubject
  id: string
  /** The validated body of the subject's resubmit route; free-form here, each route's zod schema checks it. */
  fields: Record<string, unknown> & { product_ids?: string[] }
}

// The fields arrive validated for their subject; these name the update each service method takes.
type RatingUpdate = { id: string } & Partial<Omit<OcopRatingRow, "id">>
type CertificateUpdate = { id: string } & Partial<Omit<CertificateRow, "id" | "products">>

const EDITABLE = {
  ocop_rating: ["stars", "product_group", "decision_number", "issuing_authority", "decision_date", "expires_at", "evidence_file_id", "evidence_url"],
  certificate: ["type", "code", "issuing_body", "holder_name", "production_site", "area_hectares", "yearly_output_kg", "issued_on", "valid_until", "expires_at", "evidence_file_id", "evidence_url"],
} as const

/** A corrected submission: a rejected (or still pending) item goes back to the union's queue with its changes. */
export const resubmitCertificationStep = createStep(
  "resubmit-certification",
  async (input: ResubmitCertificationInput, { container }) => {
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    const isRating = input.subject_type === "ocop_rating"
    const [current]: (OcopRatingRow | CertificateRow)[] = isRating
      ? await service.listOcopRatings({ id: input.id })
      : await service.listCertificates({ id: input.id }, { relations: ["products"] })
    if (!REVIEW_TRANSITIONS.resubmit.from.includes(current.status)) {
      throw new CoopstallError(
        ErrorTypes.CONFLICT,
        "not_editable",
        `This ${isRating ? "rating" : "certificate"} is ${current.status}; only submitted or rejected ones can be changed and resubmitted. Submit a new one instead.`
      )
    }
    const before = Object.fromEntries(EDITABLE[input.subject_type].map((f) => [f, (current as Record<string, unknown>)[f]]))
    const { product_ids, ...fields } = input.fields
    const update = { id: input.id, ...fields, status: "submitted" }
    if (isRating) await service.updateOcopRatings(update as RatingUpdate)
    else await service.updateCertificates(update as CertificateUpdate)

    const previousProducts: string[] = isRating
      ? [(current as OcopRatingRow).product_id]
      : (current as CertificateRow).products.map((p) => p.product_id)
    if (!isRating && product_ids) {
      await service.deleteCertificateProducts((current as CertificateRow).products.map((p) => p.id))
      await service.createCertificateProducts(product_ids.map((product_id) => ({ product_id, certificate_id: input.id })))
    }
    const review = await service.createCertificationReviews({
      subject_type: input.subject_type,
      subject_id: input.id,
      from_status: current.status,
      to_status: "submitted",
      note: "Changed and resubmitted by the cooperative",
      actor_type: input.actor_type,
      actor_id: input.actor_id,
    })
    const change: CertificationChange = {
      subject_type: input.subject_type,
      id: input.id,
      cooperative_id: current.cooperative_id,
      product_ids: product_ids ?? previousProducts,
      from: current.status,
      to: "submitted",
      note: null,
    }
    return new StepResponse(
      { id: input.id, change },
      { subject_type: input.subject_type, id: input.id, before: { ...before, status: current.status }, previousProducts, productsChanged: !isRating && !!product_ids, review_id: review.id }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    await service.deleteCertificationReviews(undo.review_id)
    if (undo.subject_type === "ocop_rating") {
      await service.updateOcopRatings({ id: undo.id, ...undo.before } as RatingUpdate)
      return
    }
    await service.updateCertificates({ id: undo.id, ...undo.before } as CertificateUpdate)
    if (undo.productsChanged) {
      const current = await service.listCertificateProducts({ certificate_id: undo.id })
      await service.deleteCertificateProducts(current.map((p) => p.id))
      await service.createCertificateProducts(undo.previousProducts.map((product_id) => ({ product_id, certificate_id: undo.id })))
    }
  }
)
