import { model } from "@medusajs/framework/utils"
import { CERTIFICATION_SUBJECTS, REVIEW_STATUSES } from "../lifecycle"

/** The history of a rating or certificate: every submission and decision, with its note and who took it. */
export const CertificationReview = model
  .define("certification_review", {
    id: model.id({ prefix: "certrev" }).primaryKey(),
    subject_type: model.enum([...CERTIFICATION_SUBJECTS]),
    subject_id: model.text(),
    from_status: model.enum([...REVIEW_STATUSES]).nullable(),
    to_status: model.enum([...REVIEW_STATUSES]),
    note: model.text().nullable(),
    actor_type: model.enum(["user", "vendor", "system"]),
    actor_id: model.text(),
  })
  .indexes([{ on: ["subject_type", "subject_id"] }])
