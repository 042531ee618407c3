import type { MedusaResponse } from "@medusajs/framework/http"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { randomBytes } from "node:crypto"
import { CoopstallError } from "../../../lib/errors"
import { toHandle } from "../../../lib/text"
import { evidencePrefix } from "../../../workflows/certification/steps/validate-submission"
import type { VendorRequest } from "../tenant"

export const EVIDENCE_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"]

/**
 * POST /vendor/uploads (multipart, field `files`): evidence scans and photos, stored through Medusa's
 * file module under the cooperative's own prefix, so a submission can only cite its own uploads.
 */
export const POST = async (req: VendorRequest, res: MedusaResponse) => {
  const files = ((req as any).files ?? []) as { originalname: string; mimetype: string; buffer: Buffer }[]
  if (!files.length) throw new CoopstallError(400, "no_files", "Send one or more files as multipart/form-data in the field `files`.")
  const refused = files.filter((f) => !EVIDENCE_TYPES.includes(f.mimetype))
  if (refused.length) {
    throw new CoopstallError(415, "unsupported_file_type", `Only PDF, JPEG, PNG and WebP files are accepted (got ${refused.map((f) => f.mimetype).join(", ")}).`)
  }
  const prefix = evidencePrefix(req.tenant.cooperative.id)
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f) => {
        const dot = f.originalname.lastIndexOf(".")
        const base = toHandle(dot > 0 ? f.originalname.slice(0, dot) : f.originalname).slice(0, 60) || "file"
        const ext = dot > 0 ? f.originalname.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 5) : ""
        return {
          filename: `${prefix}${randomBytes(6).toString("hex")}-${base}${ext ? `.${ext}` : ""}`,
          mimeType: f.mimetype,
          content: f.buffer.toString("base64"),
          access: "public" as const,
        }
      }),
    },
  })
  res.status(201).json({ files: result.map((f: any) => ({ id: f.id, url: f.url })) })
}
