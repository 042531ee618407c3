import { z } from "zod"
import { calendarDay } from "../../../lib/dates"
import { optionalText, text } from "../../../lib/schemas"
import { paginationQuery } from "../../../lib/validation"
import { CERTIFICATE_TYPES, REVIEW_STATUSES } from "../../../modules/certification"

const certificateFields = {
  type: z.enum(CERTIFICATE_TYPES),
  code: text(100),
  issuing_body: text(200),
  holder_name: text(200).optional(),
  production_site: optionalText(300),
  area_hectares: z.number().positive().max(100_000).nullable().optional(),
  yearly_output_kg: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  issued_on: calendarDay,
  valid_until: calendarDay,
  product_ids: z.array(z.string().min(1).max(100)).min(1, "name at least one product the certificate covers").max(200),
  evidence_file_id: z.string().min(1).max(500),
}

export const SubmitCertificateBody = z.object(certificateFields).strict()
export type SubmitCertificateBody = z.infer<typeof SubmitCertificateBody>

export const ResubmitCertificateBody = z.object(certificateFields).partial().strict()
export type ResubmitCertificateBody = z.infer<typeof ResubmitCertificateBody>

export const ListCertificatesQuery = z
  .object({ ...paginationQuery, status: z.enum(REVIEW_STATUSES).optional(), type: z.enum(CERTIFICATE_TYPES).optional() })
  .strict()
