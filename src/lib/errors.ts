import type { MedusaErrorHandlerFunction, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { errorHandler } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

export type FieldIssue = { path: string; message: string }

/**
 * Medusa's error types, plus the few refusals HTTP has a word for and Medusa does not; only the
 * HTTP edge (routes, middlewares) throws those.
 */
export const ErrorTypes = {
  ...MedusaError.Types,
  METHOD_NOT_ALLOWED: "method_not_allowed",
  GONE: "gone",
  LENGTH_REQUIRED: "length_required",
  PAYLOAD_TOO_LARGE: "payload_too_large",
  UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
  UNPROCESSABLE: "unprocessable",
  RATE_LIMITED: "rate_limited",
  UNAVAILABLE: "unavailable",
} as const
export type ErrorType = (typeof ErrorTypes)[keyof typeof ErrorTypes]

/**
 * The one mapping from an error's type to the HTTP status it answers with. For Medusa's types it
 * agrees with Medusa's own handler (a unit test holds the two together), except a duplicate, which
 * we answer 409 like the checked case rather than 422. Where several types share a status, the
 * first listed is the one a bare status stands for (see `CoopstallError`).
 */
const STATUS_BY_TYPE: [type: string, status: number][] = [
  [ErrorTypes.INVALID_DATA, 400],
  [ErrorTypes.NOT_ALLOWED, 400],
  [ErrorTypes.UNAUTHORIZED, 401],
  [ErrorTypes.FORBIDDEN, 403],
  [ErrorTypes.NOT_FOUND, 404],
  [ErrorTypes.METHOD_NOT_ALLOWED, 405],
  [ErrorTypes.CONFLICT, 409],
  [ErrorTypes.DUPLICATE_ERROR, 409],
  [ErrorTypes.GONE, 410],
  [ErrorTypes.LENGTH_REQUIRED, 411],
  [ErrorTypes.PAYLOAD_TOO_LARGE, 413],
  [ErrorTypes.UNSUPPORTED_MEDIA_TYPE, 415],
  [ErrorTypes.UNPROCESSABLE, 422],
  [ErrorTypes.PAYMENT_AUTHORIZATION_ERROR, 422],
  [ErrorTypes.RATE_LIMITED, 429],
  [ErrorTypes.UNEXPECTED_STATE, 500],
  [ErrorTypes.INVALID_ARGUMENT, 500],
  [ErrorTypes.DB_ERROR, 500],
  [ErrorTypes.UNAVAILABLE, 503],
]
const statusByType = new Map(STATUS_BY_TYPE)
const typeByStatus = new Map([...STATUS_BY_TYPE].reverse().map(([type, status]) => [status, type]))

/** The HTTP status an error type answers with (500 for a type the table does not know). */
export const httpStatusForType = (type: string): number => statusByType.get(type) ?? 500

/**
 * A refusal a client can act on: a Medusa error type (how serious, which status), a stable
 * machine-readable `code` that clients see and that never changes, and a message a person
 * understands. A subclass rather than a bare MedusaError so that the handler can tell our refusals
 * (whose code and message are written for clients) from Medusa's own (answered as Medusa answers
 * them), even after the workflow engine has serialised the error to plain own properties.
 */
export class CoopstallError extends MedusaError {
  declare readonly code: string
  readonly errors?: FieldIssue[]

  /**
   * @param type a type of `ErrorTypes`. A bare HTTP status is still accepted (and turned into its
   *   type) while older callers move over; modules and workflows pass a type.
   */
  constructor(type: ErrorType | number, code: string, message: string, errors?: FieldIssue[]) {
    super(typeof type === "number" ? typeByStatus.get(type) ?? ErrorTypes.UNEXPECTED_STATE : type, message, code)
    this.name = "CoopstallError"
    if (errors) this.errors = errors
  }
}

export const notFound = (what: string, id?: string) =>
  new CoopstallError(ErrorTypes.NOT_FOUND, "not_found", id ? `${what} ${id} was not found.` : `${what} was not found.`)

export const conflict = (code: string, message: string) => new CoopstallError(ErrorTypes.CONFLICT, code, message)

export const malformedUrl = () =>
  new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "The address contains an invalid %-encoding.", [{ path: "url", message: "invalid %-encoding" }])

/** The fields read from whatever was thrown: ours, Medusa's, the driver's or MikroORM's errors. */
export type ErrorLike = {
  message?: unknown
  cause?: unknown
  code?: unknown
  type?: unknown
  errors?: unknown
  severity?: unknown
  routine?: unknown
  name?: unknown
  sqlState?: unknown
  previous?: unknown
  originalError?: unknown
  parent?: unknown
  statusCode?: unknown
}
const errorLike = (err: unknown): ErrorLike | null => (err && typeof err === "object" ? (err as ErrorLike) : null)

/** The fields of whatever was thrown, each unknown until checked; empty for a thrown non-object. */
export const errorFields = (err: unknown): ErrorLike => errorLike(err) ?? {}

/** What a log line says about a thrown value: its message, or the value itself. */
export const messageOf = (err: unknown): string => {
  const message = errorLike(err)?.message
  return typeof message === "string" ? message : String(err)
}

/** What the handler needs of our refusal, whether thrown as is or serialised by the workflow engine. */
export type Refusal = { status: number; code: string; message: string; errors?: FieldIssue[] }

/** Our refusal in `err` (or its cause), with the status its type answers; null for anything else. */
export function refusalOf(err: unknown): Refusal | null {
  const e = errorLike(err)
  const cause = errorLike(e?.cause)
  const ours = [e, cause].find((c) => c?.name === "CoopstallError" && typeof c.code === "string" && typeof c.type === "string")
  if (!ours) return null
  return {
    status: httpStatusForType(ours.type as string),
    code: ours.code as string,
    message: String(ours.message ?? ""),
    ...(Array.isArray(ours.errors) ? { errors: ours.errors as FieldIssue[] } : {}),
  }
}

/** The HTTP status our refusal answers with, or undefined when `err` is not one. */
export const httpStatusOf = (err: unknown): number | undefined => refusalOf(err)?.status

const medusaErrorHandler = errorHandler()

/**
 * The one error handler. Our refusals answer with the status of their type and their own code; a
 * database uniqueness violation that slipped past a check is a 409 like the checked case; a busy
 * lock is a 409 to retry; PostgreSQL refusing a value (SQLSTATE class 22, or 54001 stack depth) is
 * the client's 400; everything else keeps Medusa's answer, with a `code` added to its 4xx answers.
 */
export const coopstallErrorHandler: MedusaErrorHandlerFunction = (err, req, res, next) => {
  answerError(err, req, res, next)
}

function answerError(err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ours = refusalOf(err)
  if (ours) {
    return res.status(ours.status).json({
      code: ours.code,
      type: ours.status >= 500 ? "api_error" : "invalid_request",
      message: ours.message,
      ...(ours.errors ? { errors: ours.errors } : {}),
    })
  }
  // Express's own "Failed to decode param" for a malformed %-sequence in a route parameter.
  if (err instanceof URIError) {
    return answerError(malformedUrl(), req, res, next)
  }
  const e = errorLike(err)
  if (e?.type === MedusaError.Types.DUPLICATE_ERROR) {
    return answerError(new CoopstallError(ErrorTypes.DUPLICATE_ERROR, "duplicate", String(e.message ?? "")), req, res, next)
  }
  // Medusa's locking answers a busy key with a plain Error (in-memory, PostgreSQL and Redis providers alike).
  if (isLockBusy(err)) {
    res.setHeader("Retry-After", "1")
    return answerError(
      new CoopstallError(ErrorTypes.CONFLICT, "busy", "Another request is changing the same record; try again in a moment."), req, res, next
    )
  }
  const sqlState = postgresState(err)
  if (sqlState && (sqlState.startsWith("22") || sqlState === "54001")) {
    return answerError(
      new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", sqlState === "54001" ? "The request is too complex." : "A value in the request cannot be stored or compared."),
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

// "Timed-out acquiring lock.": a wait with a timeout (execute, or acquire with one) that ran out.
const LOCK_BUSY = /^Failed to acquire lock for key|is already locked\.$|^Timed-out acquiring lock\.$/

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
