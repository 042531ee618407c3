import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

export type FieldIssue = { path: string; message: string }

/**
 * An error a client can act on: an HTTP status, a stable machine-readable `code`, and a message
 * a person understands. Plain own properties, so the error survives a workflow engine that
 * serialises step errors.
 */
export class CoopstallError extends Error {
  readonly httpStatus: number
  readonly code: string
  readonly errors?: FieldIssue[]

  constructor(httpStatus: number, code: string, message: string, errors?: FieldIssue[]) {
    super(message)
    this.name = "CoopstallError"
    this.httpStatus = httpStatus
    this.code = code
    if (errors) this.errors = errors
  }
}

export const notFound = (what: string, id?: string) =>
  new CoopstallError(404, "not_found", id ? `${what} ${id} was not found.` : `${what} was not found.`)

export const conflict = (code: string, message: string) => new CoopstallError(409, code, message)

export const malformedUrl = () =>
  new CoopstallError(400, "invalid_request", "The address contains an invalid %-encoding.", [{ path: "url", message: "invalid %-encoding" }])

function asCoopstallError(err: any): CoopstallError | null {
  const candidate = err?.httpStatus ? err : err?.cause?.httpStatus ? err.cause : null
  if (candidate && typeof candidate.code === "string" && Number.isInteger(candidate.httpStatus)) {
    return candidate
  }
  return null
}

const medusaErrorHandler = errorHandler()

/**
 * Our errors answer with their own status and code; a database uniqueness violation that slipped
 * past a check is a 409 like the checked case; everything else keeps Medusa's mapping.
 */
export function coopstallErrorHandler(
  err: any,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const ours = asCoopstallError(err)
  if (ours) {
    return res.status(ours.httpStatus).json({
      code: ours.code,
      type: ours.httpStatus >= 500 ? "api_error" : "invalid_request",
      message: ours.message,
      ...(ours.errors ? { errors: ours.errors } : {}),
    })
  }
  // Express's own "Failed to decode param" for a malformed %-sequence in a route parameter.
  if (err instanceof URIError) {
    return coopstallErrorHandler(malformedUrl(), req, res, next)
  }
  if (err?.type === MedusaError.Types.DUPLICATE_ERROR) {
    return res.status(409).json({ code: "duplicate", type: "invalid_request", message: err.message })
  }
  return medusaErrorHandler(err, req as any, res as any, next)
}
