import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CERTIFICATION_MODULE, CertificationModuleService, CertificationSubject } from "../../../modules/certification"
import type { Actor, CertificationChange } from "../../../modules/certification/service"
import type { SubmissionFields } from "./validate-submission"

export type SubmitCertificationInput = Actor & {
  subject_type: CertificationSubject
  /** Fields of the rating or certificate; certificates also carry `product_ids`. */
  fields: SubmissionFields
}

/** Creates a rating or certificate under review, with the first line of its history. */
export const submitCertificationStep = createStep(
  "submit-certification",
  async (input: SubmitCertificationInput, { container }) => {
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    let created: { id: string; cooperative_id: string; product_id?: string }
    let product_ids: string[]
    if (input.subject_type === "ocop_rating") {
      created = await service.createOcopRatings({ ...input.fields, status: "submitted" } as any)
      product_ids = [created.product_id!]
    } else {
      const { product_ids: covered, ...fields } = input.fields
      created = await service.createCertificates({ ...fields, status: "submitted", products: (covered ?? []).map((product_id) => ({ product_id })) } as any)
      product_ids = covered ?? []
    }
    const review = await service.createCertificationReviews({
      subject_type: input.subject_type,
      subject_id: created.id,
      from_status: null,
      to_status: "submitted",
      note: null,
      actor_type: input.actor_type,
      actor_id: input.actor_id,
    })
    const change: CertificationChange = {
      subject_type: input.subject_type,
      id: created.id,
      cooperative_id: created.cooperative_id,
      product_ids,
      from: "submitted",
      to: "submitted",
      note: null,
    }
    return new StepResponse({ id: created.id, change }, { subject_type: input.subject_type, id: created.id, review_id: review.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)
    await service.deleteCertificationReviews(undo.review_id)
    if (undo.subject_type === "ocop_rating") await service.deleteOcopRatings(undo.id)
    else await service.deleteCertificates(undo.id)
  }
)
