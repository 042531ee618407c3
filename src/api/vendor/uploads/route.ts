import type { MedusaResponse } from "@medusajs/framework/http"
import { randomBytes } from "node:crypto"
import { CoopstallError, ErrorTypes } from "../../../lib/errors"
import { inertStaticActive } from "../../../medusa-internals/inert-static"
import { evidencePrefix } from "../../../workflows/certification/steps/validate-submission"
import { storeCooperativeFilesWorkflow } from "../../../workflows/upload/store-cooperative-files"
import type { VendorRequest } from "../tenant"
import { sniffEvidenceType } from "./file-types"

export const DEFAULT_UPLOAD_QUOTA_BYTES = 200 * 1024 * 1024

/** UPLOAD_QUOTA_BYTES: what one cooperative may store in all (read per request, so an operator change needs no code). */
export function uploadQuotaBytes() {
  const raw = process.env.UPLOAD_QUOTA_BYTES
  const value = raw ? Number(raw) : DEFAULT_UPLOAD_QUOTA_BYTES
  return Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_UPLOAD_QUOTA_BYTES
}

type Received = { originalname: string; buffer: Buffer }

/**
 * POST /vendor/uploads (multipart, field `files`): evidence scans and photos. The type is read from
 * the bytes (PDF, JPEG, PNG, WebP only), the server names the file (random id + the detected type's
 * extension, under the cooperative's prefix, so a submission can only cite its own uploads), and the
 * bytes count against the cooperative's storage quota. Nothing is stored unless every file passes.
 */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const files: Received[] = Array.isArray(req.files) ? req.files : []
  if (!files.length) throw new CoopstallError(ErrorTypes.INVALID_DATA, "no_files", "Send one or more files as multipart/form-data in the field `files`.")
  const label = (f: Received, i: number) => `file ${i + 1} (${JSON.stringify(f.originalname.slice(0, 80))})`
  const empty = files.findIndex((f) => !f.buffer.length)
  if (empty >= 0) throw new CoopstallError(ErrorTypes.INVALID_DATA, "empty_file", `${label(files[empty], empty)} is empty.`)

  const sniffed = await Promise.all(files.map((f) => sniffEvidenceType(f.buffer)))
  const refused = sniffed.map((s, i) => (s.accepted ? null : `${label(files[i], i)} is ${s.detected ?? "of no recognised type"}`)).filter(Boolean)
  if (refused.length) {
    throw new CoopstallError(ErrorTypes.UNSUPPORTED_MEDIA_TYPE, "unsupported_file_type", `Only PDF, JPEG, PNG and WebP files are accepted, judged by their content: ${refused.join("; ")}.`)
  }
  // Files on local disk are served by Medusa at /static; never store one it would serve live.
  if (!inertStaticActive()) {
    throw new CoopstallError(ErrorTypes.UNAVAILABLE, "uploads_unavailable", "Uploads are switched off: the server cannot guarantee that stored files are served inert.")
  }

  const prefix = evidencePrefix(req.tenant.cooperative.id)
  const { result } = await storeCooperativeFilesWorkflow(req.scope).run({
    input: {
      cooperative_id: req.tenant.cooperative.id,
      quota_bytes: uploadQuotaBytes(),
      files: files.map((f, i) => ({
        name: `${prefix}${randomBytes(12).toString("hex")}.${sniffed[i].accepted!.ext}`,
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
