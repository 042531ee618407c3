import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomBytes } from "node:crypto"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { inertStaticActive } from "../../../medusa-internals/inert-static"
import { storeCooperativeFilesWorkflow } from "../../../workflows/upload/store-cooperative-files"
import { sniffEvidenceType } from "../../vendor/uploads/file-types"

/** Photos only: the cooperative's evidence types without PDF. */
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"])
export const RETURN_PHOTO_MAX_BYTES = 5 * 1024 * 1024
/** What one shopper may store in all for returns. */
export const RETURN_PHOTO_QUOTA_BYTES = 50 * 1024 * 1024

type Received = { originalname: string; buffer: Buffer }

/**
 * POST /store/return-photos (multipart, field `files`, at most 5): photos for a return request,
 * through the cooperatives' upload path (the same multipart limits, type read from the bytes, names
 * chosen by the server, files served inert) with the shopper as the quota's owner. Images only, 5 MB
 * each. Answers the file ids to cite in `photos` of POST /store/orders/:id/returns.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const files: Received[] = Array.isArray(req.files) ? req.files : []
  if (!files.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "no_files", "Send one or more photos as multipart/form-data in the field `files`.")
  const label = (f: Received, i: number) => `file ${i + 1} (${JSON.stringify(f.originalname.slice(0, 80))})`
  const empty = files.findIndex((f) => !f.buffer.length)
  if (empty >= 0) throw new CoopstallError(ErrorTypes.INVALID_DATA, "empty_file", `${label(files[empty], empty)} is empty.`)
  const large = files.findIndex((f) => f.buffer.length > RETURN_PHOTO_MAX_BYTES)
  if (large >= 0) throw new CoopstallError(ErrorTypes.PAYLOAD_TOO_LARGE, "file_too_large", `${label(files[large], large)} is larger than ${RETURN_PHOTO_MAX_BYTES / 1024 / 1024} MB.`)
  const sniffed = await Promise.all(files.map((f) => sniffEvidenceType(f.buffer)))
  const refused = sniffed.map((s, i) => (s.accepted && PHOTO_TYPES.has(s.accepted.mime) ? null : `${label(files[i], i)} is ${s.detected ?? "of no recognised type"}`)).filter(Boolean)
  if (refused.length) throw new CoopstallError(ErrorTypes.UNSUPPORTED_MEDIA_TYPE, "unsupported_file_type", `Only JPEG, PNG and WebP photos are accepted, judged by their content: ${refused.join("; ")}.`)
  if (!inertStaticActive()) throw new CoopstallError(ErrorTypes.UNAVAILABLE, "uploads_unavailable", "Uploads are switched off: the server cannot guarantee that stored files are served inert.")

  const customerId = req.auth_context.actor_id
  const { result } = await storeCooperativeFilesWorkflow(req.scope).run({
    input: {
      // The upload table's owner column: a customer id here, so the quota and the ownership check are per shopper.
      cooperative_id: customerId,
      quota_bytes: RETURN_PHOTO_QUOTA_BYTES,
      files: files.map((f, i) => ({
        name: `returns/${customerId}/${randomBytes(12).toString("hex")}.${sniffed[i].accepted!.ext}`,
        mime_type: sniffed[i].accepted!.mime,
        size: f.buffer.length,
        content: f.buffer.toString("base64"),
      })),
    },
  })
  res.status(201).json({
    files: result.map((f, i) => ({ id: f.id, url: f.url, mime_type: sniffed[i].accepted!.mime, size: files[i].buffer.length })),
  })
}
