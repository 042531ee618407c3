import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addMonthsToDay, expiryAfterLastDay, vnDay } from "../../../lib/dates"
import { CoopstallError, notFound, ErrorTypes } from "../../../lib/errors"
import { ownedProductIds } from "../../cooperative/read/ownership"
import {
  CERTIFICATION_MODULE,
  CertificationModuleService,
  CertificationSubject,
  OCOP_VALIDITY_MONTHS,
  ocopExpiresAt,
  VIETGAP_MAX_VALIDITY_MONTHS,
} from "../../../modules/certification"

/**
 * The fields of a rating or certificate as its route validated them (a resubmission sends some of
 * them), plus what this step adds: the evidence's URL and the expiry.
 */
export type SubmissionFields = {
  product_id?: string
  product_ids?: string[]
  decision_date?: string
  evidence_file_id?: string
  evidence_url?: string
  expires_at?: Date
  type?: string
  code?: string
  issued_on?: string
  valid_until?: string
  [field: string]: unknown
}

export type ValidateSubmissionInput = {
  subject_type: CertificationSubject
  cooperative_id: string
  /** Set when an existing item is being resubmitted. */
  id?: string
  fields: SubmissionFields
}

/** Evidence files are uploaded through POST /vendor/uploads, which files them under the cooperative's own prefix. */
export const evidencePrefix = (cooperativeId: string) => `evidence/${cooperativeId}/`

async function evidenceUrl(container: MedusaContainer, cooperativeId: string, fileId: string): Promise<string> {
  const notYours = new CoopstallError(
    ErrorTypes.INVALID_DATA,
    "evidence_not_found",
    "The evidence file was not found among your cooperative's uploads; upload it with POST /vendor/uploads and send the returned id."
  )
  if (!fileId.startsWith(evidencePrefix(cooperativeId)) || fileId.includes("..")) throw notYours
  const file = await container.resolve(Modules.FILE).retrieveFile(fileId).catch(() => null)
  if (!file?.url) throw notYours
  return file.url
}

/**
 * The rules a submission must meet before it reaches the union: the products are the cooperative's own,
 * the evidence is its own upload, the decision is still in force, and a VietGAP certificate is valid
 * for at most two years. Returns the fields to store, with the computed expiry and evidence URL.
 */
export const validateSubmissionStep = createStep(
  "validate-certification-submission",
  async (input: ValidateSubmissionInput, { container }) => {
    const fields: SubmissionFields = { ...input.fields }
    const today = vnDay(new Date())
    const service: CertificationModuleService = container.resolve(CERTIFICATION_MODULE)

    // A resubmission names an existing item of this cooperative; anything else is unknown (404), whatever the route checked.
    if (input.id) {
      const filter = { id: input.id, cooperative_id: input.cooperative_id }
      const [existing] = input.subject_type === "ocop_rating" ? await service.listOcopRatings(filter) : await service.listCertificates(filter)
      if (!existing) throw notFound(input.subject_type === "ocop_rating" ? "OCOP rating" : "Certificate", input.id)
    }

    if (fields.evidence_file_id) {
      fields.evidence_url = await evidenceUrl(container, input.cooperative_id, fields.evidence_file_id)
    }

    if (input.subject_type === "ocop_rating") {
      if (fields.product_id) {
        const owned = await ownedProductIds(container, input.cooperative_id, [fields.product_id])
        if (!owned.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "unknown_product", `Product ${fields.product_id} is not one of your cooperative's products.`)
        const [pending] = await service.listOcopRatings({ product_id: fields.product_id, status: "submitted" })
        if (pending && pending.id !== input.id) {
          throw new CoopstallError(ErrorTypes.CONFLICT, "rating_under_review", "This product already has a rating waiting for the union's review; change that one instead (POST /vendor/ocop-ratings/:id).")
        }
      }
      if (fields.decision_date) {
        if (fields.decision_date > today) {
          throw new CoopstallError(ErrorTypes.INVALID_DATA, "decision_in_future", `The decision date ${fields.decision_date} is in the future.`)
        }
        const expiresAt = ocopExpiresAt(fields.decision_date)
        if (expiresAt <= new Date()) {
          throw new CoopstallError(
            ErrorTypes.INVALID_DATA,
            "decision_expired",
            `An OCOP decision is valid for ${OCOP_VALIDITY_MONTHS} months: the decision of ${fields.decision_date} expired on ${vnDay(expiresAt)}. Submit the product's current decision.`
          )
        }
        fields.expires_at = expiresAt
      }
      return new StepResponse({ ...fields, cooperative_id: input.cooperative_id })
    }

    if (fields.product_ids) {
      const owned = new Set(await ownedProductIds(container, input.cooperative_id, fields.product_ids))
      const unknown = fields.product_ids.filter((id) => !owned.has(id))
      if (unknown.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "unknown_product", `Not your cooperative's products: ${unknown.join(", ")}.`)
    }
    // A resubmission may change a few fields: check the certificate as it will be stored.
    const current = input.id ? (await service.listCertificates({ id: input.id }))[0] : {}
    // Complete once merged: a submission carries them all, a resubmission the ones it changes.
    const { type, code, issued_on: issued, valid_until: until } = { ...current, ...fields } as { type: string; code: string; issued_on: string; valid_until: string }
    if (until < issued) throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_validity", `valid_until (${until}) is before issued_on (${issued}).`)
    if (issued > today) throw new CoopstallError(ErrorTypes.INVALID_DATA, "issued_in_future", `The issue date ${issued} is in the future.`)
    if (type === "vietgap" && until > addMonthsToDay(issued, VIETGAP_MAX_VALIDITY_MONTHS)) {
      throw new CoopstallError(
        ErrorTypes.INVALID_DATA,
        "vietgap_validity_too_long",
        `A VietGAP certificate is valid for at most 2 years: issued on ${issued}, it cannot be valid until ${until} (latest ${addMonthsToDay(issued, VIETGAP_MAX_VALIDITY_MONTHS)}).`
      )
    }
    if (type === "globalgap" && !/^\d{13}$/.test(code)) {
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_ggn", "A GlobalG.A.P. certificate is identified by its 13-digit GGN.")
    }
    fields.expires_at = expiryAfterLastDay(until)
    if (fields.expires_at <= new Date()) throw new CoopstallError(ErrorTypes.INVALID_DATA, "certificate_expired", `This certificate was valid until ${until}; it has expired.`)
    const clash = await service.listCertificates({ type, code, status: ["submitted", "verified"] } as any)
    if (clash.some((c) => c.id !== input.id)) {
      throw new CoopstallError(ErrorTypes.CONFLICT, "certificate_code_in_use", `A ${type} certificate with code ${code} is already registered or under review.`)
    }
    return new StepResponse({ ...fields, cooperative_id: input.cooperative_id })
  }
)
