import fc from "fast-check"
import { z } from "zod"
import { paginationQuery } from "../../src/lib/validation"
import { coopstallErrorHandler } from "../../src/lib/errors"
import { inputIssues, INPUT_LIMITS, isSaneDate, paginationIssues, pathIssues } from "../../src/lib/input-guard"

/** A stand-in response that records what the error handler answers. */
function answer(err: unknown) {
  const out: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} }
  const res: any = {
    statusCode: 200,
    status(code: number) { this.statusCode = code; out.status = code; return this },
    setHeader(name: string, value: string) { out.headers[name.toLowerCase()] = value },
    json(body: any) { out.body = body; return this },
  }
  const req: any = { scope: { resolve: () => ({ info() {}, error() {}, warn() {} }) }, path: "/x" }
  coopstallErrorHandler(err, req, res, () => {})
  return out
}

describe("the input rule every request meets at the edge", () => {
  it("refuses NUL, other control characters and unpaired surrogates in bodies and queries, and keeps tab and newline", () => {
    expect(inputIssues({ q: "a\u0000b" }, "query")).toEqual([{ path: "q", message: expect.stringContaining("control character") }])
    expect(inputIssues({ note: "line\u0007" }, "body")).toHaveLength(1)
    expect(inputIssues({ title: "\ud800" }, "body")).toEqual([{ path: "title", message: expect.stringContaining("surrogate") }])
    expect(inputIssues({ body: "Trà xanh\tngon\r\nlắm 🍵" }, "body")).toEqual([])
  })

  it("bounds the length of strings and field names, and refuses prototype keys", () => {
    expect(inputIssues({ q: "x".repeat(INPUT_LIMITS.queryString + 1) }, "query")).toHaveLength(1)
    expect(inputIssues({ description: "x".repeat(INPUT_LIMITS.bodyString) }, "body")).toEqual([])
    expect(inputIssues(JSON.parse('{"__proto__":{"admin":true}}'), "body")).toEqual([{ path: "__proto__", message: expect.stringContaining("field name") }])
    expect(inputIssues({ metadata: { constructor: 1 } }, "body")).toHaveLength(1)
  })

  it("measures nesting without recursion, so 100,000 levels are refused instead of overflowing the stack", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000))
    expect(inputIssues(deep, "body")).toEqual([{ path: expect.any(String), message: expect.stringContaining("nests deeper") }])
    let filters: any = { q: "x" }
    // Each logical level is two steps of the path ($and, 0): 14 levels fit.
    for (let i = 0; i < (INPUT_LIMITS.depth - 4) / 2; i++) filters = { $and: [filters] }
    expect(inputIssues({ queries: [{ filters }] }, "body").filter((i) => i.message.includes("deeper"))).toEqual([])
  })

  it("bounds arrays and refuses numbers too large to store", () => {
    expect(inputIssues({ items: Array(INPUT_LIMITS.arrayLength + 1).fill(1) }, "body")).toHaveLength(1)
    expect(inputIssues(JSON.parse('{"quantity":1e400}'), "body")).toHaveLength(1)
    expect(inputIssues({ quantity: 2 ** 60 }, "body")).toHaveLength(1)
    expect(inputIssues({ amount: 120_000, ratio: 0.15, stars: -1 }, "body")).toEqual([])
  })

  it("takes limit, offset and page only as whole, non-negative, bounded numbers", () => {
    expect(paginationIssues({ limit: "20", offset: "0", page: "3" })).toEqual([])
    expect(paginationIssues({ limit: "9999" })).toEqual([]) // Medusa's dashboard asks for this
    for (const bad of ["-1", "1e308", "1.5", "", " 1", "0x10", "99999999999"]) {
      expect(paginationIssues({ offset: bad })).toHaveLength(1)
    }
    expect(paginationIssues({ limit: ["1", "2"] })).toHaveLength(1)
    expect(paginationIssues({ limit: String(INPUT_LIMITS.limit + 1) })).toHaveLength(1)
    // Our routes' own schema holds the same bound (1e308 is an integer to JavaScript).
    expect(z.object(paginationQuery).safeParse({ offset: "1e308" }).success).toBe(false)
  })

  it("takes dates only as real calendar dates in sane years, on fields that name a date", () => {
    expect(isSaneDate("2026-02-28")).toBe(true)
    expect(isSaneDate("2026-02-28T23:59:59.999+07:00")).toBe(true)
    for (const bad of ["99999-01-01", "2026-02-30", "2026-13-01", "0000-00-00", "1800-01-01", "2026-01-01T25:00:00Z"]) {
      expect(isSaneDate(bad)).toBe(false)
    }
    expect(inputIssues({ created_from: "99999-01-01" }, "query")).toHaveLength(1)
    expect(inputIssues({ created_at: { $gte: "2026-02-30" } }, "query")).toHaveLength(1)
    expect(inputIssues({ decision_date: "2025-07-01", lot_number: "2024-13-99" }, "body")).toEqual([])
  })

  it("checks every path segment as decoded: NUL, control characters, malformed %-sequences, length", () => {
    expect(pathIssues("/vendor/products/prod_01ABC?limit=1")).toEqual([])
    expect(pathIssues("/store/cooperatives/htx-tr%C3%A0")).toEqual([])
    expect(pathIssues("/vendor/products/%00")).toHaveLength(1)
    expect(pathIssues("/vendor/products/%E0%A4%A")).toEqual([{ path: "url", message: "invalid %-encoding" }])
    expect(pathIssues(`/vendor/products/${"x".repeat(INPUT_LIMITS.pathSegment + 1)}`)).toHaveLength(1)
  })

  it("never throws, whatever JSON it is given", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom("body" as const, "query" as const), (value, where) => {
      expect(Array.isArray(inputIssues(value, where))).toBe(true)
    }), { numRuns: 500 })
  })
})

describe("the error handler's answer to what slipped past the edge", () => {
  it("answers a busy lock 409 busy with Retry-After", () => {
    const out = answer(new Error('Failed to acquire lock for key "cart_01"'))
    expect(out).toMatchObject({ status: 409, headers: { "retry-after": "1" }, body: { code: "busy" } })
  })

  it("answers PostgreSQL refusing a value (class 22, stack depth) 400, however the error is wrapped", () => {
    for (const code of ["22P02", "22021", "22008", "22003", "54001"]) {
      const pg = Object.assign(new Error("pg"), { code, severity: "ERROR", routine: "x" })
      expect(answer(Object.assign(new Error("wrapped"), { cause: pg }))).toMatchObject({ status: 400, body: { code: "invalid_request" } })
    }
    // Other database failures stay a 500.
    const other = Object.assign(new Error("pg"), { code: "57014", severity: "ERROR", routine: "x" })
    expect(answer(other).status).toBe(500)
  })

  it("adds a code to Medusa's own 4xx answers", () => {
    const { MedusaError } = require("@medusajs/framework/utils")
    expect(answer(new MedusaError(MedusaError.Types.NOT_FOUND, "Cart with id: x was not found"))).toMatchObject({
      status: 404, body: { code: "not_found", type: "not_found" },
    })
    expect(answer(new MedusaError(MedusaError.Types.INVALID_DATA, "bad"))).toMatchObject({ status: 400, body: { code: "invalid_request" } })
    expect(answer(new MedusaError(MedusaError.Types.NOT_ALLOWED, "no"))).toMatchObject({ status: 400, body: { code: "not_allowed" } })
  })
})
