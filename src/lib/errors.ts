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

/** The fields read from whatever was thrown: ours, Medusa's, the driver's or MikroORM's errors. */
type ErrorLike = {
  message?: unknown
  cause?: unknown
  code?: unknown
  httpStatus?: unknown
  type?: unknown
  severity?: unknown
  routine?: unknown
  name?: unknown
  sqlState?: unknown
  previous?: unknown
  originalError?: unknown
  parent?: unknown
}
const errorLike = (err: unknown): ErrorLike | null => (err && typeof err === "object" ? (err as ErrorLike) : null)

function asCoopstallError(err: unknown): CoopstallError | null {
  const e = errorLike(err)
  const cause = errorLike(e?.cause)
  const candidate = e?.httpStatus ? e : cause?.httpStatus ? cause : null
  if (candidate && typeof candidate.code === "string" && Number.isInteger(candidate.httpStatus)) {
    return candidate as CoopstallError
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
  err: unknown,
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
  const e = errorLike(err)
  if (e?.type === MedusaError.Types.DUPLICATE_ERROR) {
    return res.status(409).json({ code: "duplicate", type: "invalid_request", message: e.message })
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
  return medusaErrorHandler(err, req, res, next)
}

/**
 * Medusa's own routes and middlewares answer {type, message} (its authenticate middleware just
 * {message}); every 4xx of ours carries a stable `code`, so one is added from the type or status.
 */
export function addCodeTo4xx(res: MedusaResponse) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) =>
    json(res.statusCode >= 400 && res.statusCode < 500 && body && typeof body === "object" && !Array.isArray(body) && !("code" in body && body.code)
      ? { ...body, code: codeFor(res.statusCode, (body as { type?: string }).type) }
      : body)) as typeof res.json
}

const LOCK_BUSY = /^Failed to acquire lock for key|is already locked\.$/

export function isLockBusy(err: unknown): boolean {
  for (let e = errorLike(err), i = 0; e && i < 4; e = errorLike(e.cause), i++) {
    if (typeof e.message === "string" && LOCK_BUSY.test(e.message)) return true
  }
  return false
}

/** The SQLSTATE of a PostgreSQL error, wherever the driver, MikroORM or a workflow put it. */
function postgresState(err: unknown): string | null {
  const seen = new Set<unknown>()
  const queue: unknown[] = [err]
  while (queue.length) {
    const e = errorLike(queue.shift())
    if (!e || seen.has(e)) continue
    seen.add(e)
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && (e.severity || e.routine || (typeof e.name === "string" && e.name.includes("Exception")) || e.sqlState)) {
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
