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
 * past a check is a 409 like the checked case; a busy lock is a 409 to retry; PostgreSQL refusing a
 * value (SQLSTATE class 22, or 54001 stack depth) is the client's 400; everything else keeps
 * Medusa's mapping, with a `code` added to its 4xx answers.
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
  // Medusa's locking answers a busy key with a plain Error (in-memory, PostgreSQL and Redis providers alike).
  if (isLockBusy(err)) {
    res.setHeader("Retry-After", "1")
    return coopstallErrorHandler(
      new CoopstallError(409, "busy", "Another request is changing the same record; try again in a moment."), req, res, next
    )
  }
  const sqlState = postgresState(err)
  if (sqlState && (sqlState.startsWith("22") || sqlState === "54001")) {
    return coopstallErrorHandler(
      new CoopstallError(400, "invalid_request", sqlState === "54001" ? "The request is too complex." : "A value in the request cannot be stored or compared."),
      req, res, next
    )
  }
  addCodeTo4xx(res)
  return medusaErrorHandler(err, req as any, res as any, next)
}

/**
 * Medusa's own routes and middlewares answer {type, message} (its authenticate middleware just
 * {message}); every 4xx of ours carries a stable `code`, so one is added from the type or status.
 */
export function addCodeTo4xx(res: MedusaResponse) {
  const json = res.json.bind(res)
  res.json = ((body: any) =>
    json(res.statusCode >= 400 && res.statusCode < 500 && body && typeof body === "object" && !Array.isArray(body) && !body.code
      ? { ...body, code: codeFor(res.statusCode, body.type) }
      : body)) as any
}

const LOCK_BUSY = /^Failed to acquire lock for key|is already locked\.$/

export function isLockBusy(err: any): boolean {
  for (let e = err, i = 0; e && i < 4; e = e.cause, i++) {
    if (typeof e.message === "string" && LOCK_BUSY.test(e.message)) return true
  }
  return false
}

/** The SQLSTATE of a PostgreSQL error, wherever the driver, MikroORM or a workflow put it. */
function postgresState(err: any): string | null {
  const seen = new Set<any>()
  const queue = [err]
  while (queue.length) {
    const e = queue.shift()
    if (!e || typeof e !== "object" || seen.has(e)) continue
    seen.add(e)
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && (e.severity || e.routine || e.name?.includes("Exception") || e.sqlState)) {
      return e.code
    }
    if (typeof e.sqlState === "string") return e.sqlState
    queue.push(e.cause, e.previous, e.originalError, e.parent)
  }
  return null
}

const CODE_BY_TYPE: Record<string, string> = {
  [MedusaError.Types.NOT_FOUND]: "not_found",
  [MedusaError.Types.INVALID_DATA]: "invalid_request",
  [MedusaError.Types.NOT_ALLOWED]: "not_allowed",
  [MedusaError.Types.UNAUTHORIZED]: "unauthorized",
  [MedusaError.Types.FORBIDDEN]: "forbidden",
  [MedusaError.Types.CONFLICT]: "conflict",
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: "payment_authorization_error",
}
const CODE_BY_STATUS: Record<number, string> = {
  400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict",
  413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request", 429: "rate_limited",
}

function codeFor(status: number, type?: string): string {
  return (type && CODE_BY_TYPE[type]) || CODE_BY_STATUS[status] || "invalid_request"
}
