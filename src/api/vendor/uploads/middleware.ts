import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import multer from "multer"
import { CoopstallError, errorFields, type ErrorType, ErrorTypes, messageOf } from "../../../lib/errors"

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024
export const UPLOAD_MAX_FILES = 5
/** The whole multipart body, files and fields together (less than files × per-file limit on purpose). */
export const UPLOAD_MAX_REQUEST_BYTES = 20 * 1024 * 1024
export const UPLOAD_MAX_FIELDS = 10
export const UPLOAD_MAX_FIELD_BYTES = 1024

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`

// Browsers send UTF-8 file names without declaring a charset; Vietnamese names would arrive as latin1 mojibake.
const upload = multer({
  storage: multer.memoryStorage(),
  defParamCharset: "utf8",
  limits: {
    fileSize: UPLOAD_MAX_BYTES,
    files: UPLOAD_MAX_FILES,
    fields: UPLOAD_MAX_FIELDS,
    fieldSize: UPLOAD_MAX_FIELD_BYTES,
    fieldNameSize: 100,
    parts: UPLOAD_MAX_FILES + UPLOAD_MAX_FIELDS,
    headerPairs: 20,
  },
}).array("files", UPLOAD_MAX_FILES)

const multerErrors: Record<string, [ErrorType, string, string]> = {
  LIMIT_FILE_SIZE: [ErrorTypes.PAYLOAD_TOO_LARGE, "file_too_large", `Each file may be at most ${mb(UPLOAD_MAX_BYTES)}.`],
  LIMIT_FILE_COUNT: [ErrorTypes.INVALID_DATA, "too_many_files", `Send at most ${UPLOAD_MAX_FILES} files, in the multipart field \`files\`.`],
  LIMIT_UNEXPECTED_FILE: [ErrorTypes.INVALID_DATA, "unexpected_file_field", `Send files only in the multipart field \`files\`, at most ${UPLOAD_MAX_FILES}.`],
  LIMIT_FIELD_COUNT: [ErrorTypes.INVALID_DATA, "too_many_fields", `An upload may carry at most ${UPLOAD_MAX_FIELDS} form fields besides its files.`],
  LIMIT_PART_COUNT: [ErrorTypes.INVALID_DATA, "too_many_parts", `An upload may carry at most ${UPLOAD_MAX_FILES} files and ${UPLOAD_MAX_FIELDS} form fields.`],
  LIMIT_FIELD_VALUE: [ErrorTypes.INVALID_DATA, "field_too_large", `A form field may be at most ${UPLOAD_MAX_FIELD_BYTES} bytes.`],
  LIMIT_FIELD_KEY: [ErrorTypes.INVALID_DATA, "field_name_too_long", "A form field name may be at most 100 bytes."],
  MISSING_FIELD_NAME: [ErrorTypes.INVALID_DATA, "invalid_upload", "Every multipart part needs a field name."],
}

/**
 * Reads multipart `files` into memory within limits that cover the whole request: the declared body
 * size first (so an oversized body is refused before it is read), then multer's per-file, count and
 * field limits while it is read. Answers 411/413/400 with a code.
 */
export function receiveUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const declared = req.headers["content-length"]
  if (declared === undefined) {
    return next(new CoopstallError(ErrorTypes.LENGTH_REQUIRED, "length_required", "Send the upload with a Content-Length header (browsers and HTTP clients do this for form data)."))
  }
  // Node refuses a malformed Content-Length itself; a body is never read past the declared length.
  if (Number(declared) > UPLOAD_MAX_REQUEST_BYTES) {
    return next(new CoopstallError(ErrorTypes.PAYLOAD_TOO_LARGE, "request_too_large", `An upload request may be at most ${mb(UPLOAD_MAX_REQUEST_BYTES)} in all; send fewer or smaller files at a time.`))
  }
  upload(req, res, (err?: unknown) => {
    if (!err) return next()
    const known = multerErrors[String(errorFields(err).code)]
    if (known) return next(new CoopstallError(...known))
    next(new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_upload", `The upload could not be read as multipart/form-data: ${messageOf(err)}`))
  })
}
