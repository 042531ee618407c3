import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { CoopstallError } from "../../../lib/errors"

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024
export const UPLOAD_MAX_FILES = 5

// Browsers send UTF-8 file names without declaring a charset; Vietnamese names would arrive as latin1 mojibake.
const upload = multer({ storage: multer.memoryStorage(), defParamCharset: "utf8", limits: { fileSize: UPLOAD_MAX_BYTES, files: UPLOAD_MAX_FILES } }).array("files", UPLOAD_MAX_FILES)

/** Reads multipart `files` into memory, turning multer's limits into clear 4xx answers. */
export function receiveUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req as any, res as any, (err: any) => {
    if (!err) return next()
    if (err.code === "LIMIT_FILE_SIZE") return next(new CoopstallError(413, "file_too_large", `Each file may be at most ${UPLOAD_MAX_BYTES / 1024 / 1024} MB.`))
    if (err.code === "LIMIT_FILE_COUNT" || err.code === "LIMIT_UNEXPECTED_FILE") {
      return next(new CoopstallError(400, "too_many_files", `Send at most ${UPLOAD_MAX_FILES} files, in the multipart field \`files\`.`))
    }
    next(new CoopstallError(400, "invalid_upload", `The upload could not be read: ${err.message}`))
  })
}
