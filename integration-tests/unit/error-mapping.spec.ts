import { getHttpResponseFromError } from "@medusajs/framework/http"
import { MedusaError, serializeError } from "@medusajs/framework/utils"
import { coopstallErrorHandler, CoopstallError, ErrorTypes, httpStatusForType, notFound, refusalOf } from "../../src/lib/errors"

type Answer = { status?: number; headers: Record<string, string>; body?: Record<string, unknown> }

/** A stand-in response that records what the error handler answers. */
function answer(err: unknown): Answer {
  const out: Answer = { headers: {} }
  const res = {
    statusCode: 200,
    status(code: number) { this.statusCode = code; out.status = code; return this },
    setHeader(name: string, value: string) { out.headers[name.toLowerCase()] = value },
    json(body: Record<string, unknown>) { out.body = body; return this },
  }
  const req = { scope: { resolve: () => ({ info() {}, error() {}, warn() {} }) }, path: "/x" }
  coopstallErrorHandler(err, req as never, res as never, () => {})
  return out
}

describe("one mapping from an error's type to the status clients see", () => {
  it("agrees with Medusa's own handler on every Medusa type, except a duplicate, which is our 409", () => {
    for (const type of Object.values(MedusaError.Types)) {
      const medusa = getHttpResponseFromError(new MedusaError(type, "x")).statusCode
      expect([type, httpStatusForType(type)]).toEqual([type, type === MedusaError.Types.DUPLICATE_ERROR ? 409 : medusa])
    }
  })

  it("gives each refusal HTTP has a word for its status", () => {
    expect(
      Object.fromEntries(
        (["METHOD_NOT_ALLOWED", "GONE", "LENGTH_REQUIRED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE", "RATE_LIMITED", "UNAVAILABLE"] as const)
          .map((name) => [name, httpStatusForType(ErrorTypes[name])])
      )
    ).toEqual({
      METHOD_NOT_ALLOWED: 405, GONE: 410, LENGTH_REQUIRED: 411, PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415, UNPROCESSABLE: 422, RATE_LIMITED: 429, UNAVAILABLE: 503,
    })
  })
})

describe("the error handler's answer to a refusal thrown by a module or a workflow", () => {
  it("a module's refusal is a MedusaError with its type, and answers the type's status with our code and message", () => {
    const err = new CoopstallError(ErrorTypes.CONFLICT, "already_expired", "This OCOP rating expired; it cannot be verified.")
    expect(MedusaError.isMedusaError(err)).toBe(true)
    expect(err).toBeInstanceOf(MedusaError)
    expect([err.type, err.code]).toEqual([MedusaError.Types.CONFLICT, "already_expired"])
    expect(answer(err)).toEqual({
      status: 409,
      headers: {},
      body: { code: "already_expired", type: "invalid_request", message: "This OCOP rating expired; it cannot be verified." },
    })
  })

  it("keeps field issues in the body", () => {
    const err = new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", "Bad field.", [{ path: "stars", message: "3 to 5" }])
    expect(answer(err)).toMatchObject({ status: 400, body: { code: "invalid_request", errors: [{ path: "stars", message: "3 to 5" }] } })
  })

  it("answers the same after the workflow engine serialised the error, or wrapped it as a cause", () => {
    const serialised = serializeError(notFound("Lot", "lot_1"))
    expect(Object.getPrototypeOf(serialised)).toBe(Object.prototype)
    expect(answer(serialised)).toMatchObject({ status: 404, body: { code: "not_found", message: "Lot lot_1 was not found." } })
    expect(answer(Object.assign(new Error("step failed"), { cause: serialised }))).toMatchObject({ status: 404, body: { code: "not_found" } })
    expect(refusalOf(serialised)).toEqual({ status: 404, code: "not_found", message: "Lot lot_1 was not found." })
  })

  it("a 5xx refusal says api_error", () => {
    expect(answer(new CoopstallError(ErrorTypes.UNAVAILABLE, "uploads_unavailable", "Uploads are off."))).toMatchObject({
      status: 503, body: { code: "uploads_unavailable", type: "api_error" },
    })
  })

  it("still takes a bare status from callers not yet moved, as the type that stands for it", () => {
    expect([409, 400, 404, 413, 503].map((s) => new CoopstallError(s, "x", "x").type)).toEqual([
      ErrorTypes.CONFLICT, ErrorTypes.INVALID_DATA, ErrorTypes.NOT_FOUND, ErrorTypes.PAYLOAD_TOO_LARGE, ErrorTypes.UNAVAILABLE,
    ])
  })

  it("answers Medusa's own errors as Medusa does, with a code added to its 4xx, and a duplicate as 409 duplicate", () => {
    expect(answer(new MedusaError(MedusaError.Types.NOT_FOUND, "Cart with id: x was not found"))).toMatchObject({
      status: 404, body: { code: "not_found", type: "not_found", message: "Cart with id: x was not found" },
    })
    expect(answer(new MedusaError(MedusaError.Types.NOT_ALLOWED, "no", MedusaError.Codes.INSUFFICIENT_INVENTORY))).toMatchObject({
      status: 400, body: { code: "insufficient_inventory", type: "not_allowed" },
    })
    expect(answer(new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "Review with order_id o_1 already exists."))).toMatchObject({
      status: 409, body: { code: "duplicate", message: "Review with order_id o_1 already exists." },
    })
    expect(answer(new Error("boom"))).toMatchObject({ status: 500 })
  })
})
