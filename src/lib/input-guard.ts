import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addCodeTo4xx, CoopstallError, type FieldIssue } from "./errors"

// One rule for what any request may carry, checked before a route (ours or Medusa's) sees it.
// Each bound names a class of input that used to reach PostgreSQL, JavaScript's Date or a recursive
// walker and answer 500. Routes still validate their own fields; this only refuses what no field
// of any route accepts. Documented in docs/security/input.md.

export const INPUT_LIMITS = {
  /** A path segment (an id, a handle, a code). */
  pathSegment: 200,
  /** A query value (a `fields` list from Medusa's dashboard can be long). */
  queryString: 4_000,
  /** A body string (the longest text field accepts 5,000 characters). */
  bodyString: 20_000,
  /** An object key. */
  key: 200,
  /** Nesting of a JSON body (search filters nest a few levels; 3,000 overflowed the stack). */
  depth: 32,
  /** Elements of one array. */
  arrayLength: 1_000,
  /** Values in one body, all levels together. */
  nodes: 20_000,
  /** `limit` (Medusa's dashboard asks for 9,999), `offset` and `page`. */
  limit: 10_000,
  offset: 10_000_000,
  page: 100_000,
  /** Years a date may name: PostgreSQL and JavaScript disagree far outside them, nothing we store lies there. */
  minYear: 1900,
  maxYear: 2199,
} as const

// NUL and other C0 controls (PostgreSQL refuses NUL in text; the rest have no business in input).
// Tab, newline and carriage return stay allowed in bodies and queries.
/* eslint-disable no-control-regex -- matching control characters is the point */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const PATH_CONTROL = /[\u0000-\u001f\u007f]/
/* eslint-enable no-control-regex */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// Keys that mean something to JavaScript's object model, never to a route.
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"])
// Keys whose values are dates or instants (also as operands: created_at[$gte]).
const DATE_KEY = /(^|_)(at|on|date|from|to|until|since|before|after)$|^best_before$/
const DATE_LIKE = /^[+-]?\d{4,}-/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

type Where = "path" | "query" | "body"

function stringIssue(value: string, where: Where, max: number): string | null {
  if (value.length > max) return `is longer than ${max} characters`
  if ((where === "path" ? PATH_CONTROL : CONTROL).test(value)) return "contains a control character (such as NUL)"
  if (LONE_SURROGATE.test(value)) return "contains an unpaired UTF-16 surrogate"
  return null
}

/** A real calendar date (and time of day), in years a person could mean. */
export function isSaneDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1)
  if (+y < INPUT_LIMITS.minYear || +y > INPUT_LIMITS.maxYear) return false
  if (+h > 23 || +mi > 59 || +s > 59) return false
  const day = new Date(Date.UTC(+y, +mo - 1, +d))
  return day.getUTCFullYear() === +y && day.getUTCMonth() === +mo - 1 && day.getUTCDate() === +d
}

/** The field a value belongs to: the last key that is not an operator ($gte, 0, …). */
function fieldOf(path: (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i]
    if (typeof key === "string" && !key.startsWith("$")) return key
  }
  return ""
}

/**
 * Walks a parsed body or query without recursion (the point is to refuse what would overflow a
 * recursive walker further on) and lists what breaks the rule, at most a few issues.
 */
export function inputIssues(root: unknown, where: "query" | "body"): FieldIssue[] {
  const issues: FieldIssue[] = []
  const maxString = where === "body" ? INPUT_LIMITS.bodyString : INPUT_LIMITS.queryString
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }]
  let nodes = 0
  const report = (path: (string | number)[], message: string) => issues.push({ path: path.join(".") || where, message })

  while (stack.length && issues.length < 5) {
    const { value, path } = stack.pop()!
    if (++nodes > INPUT_LIMITS.nodes) {
      report([], `has more than ${INPUT_LIMITS.nodes} values`)
      break
    }
    if (typeof value === "string") {
      const problem = stringIssue(value, where, maxString)
      if (problem) report(path, problem)
      else if (DATE_KEY.test(fieldOf(path)) && DATE_LIKE.test(value) && !isSaneDate(value)) {
        report(path, `must be a real date (YYYY-MM-DD or an ISO date-time) between ${INPUT_LIMITS.minYear} and ${INPUT_LIMITS.maxYear}`)
      }
    } else if (typeof value === "number") {
      if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) report(path, "is a number too large to store")
    } else if (value && typeof value === "object") {
      if (path.length >= INPUT_LIMITS.depth) {
        report(path, `nests deeper than ${INPUT_LIMITS.depth} levels`)
        continue
      }
      if (Array.isArray(value)) {
        if (value.length > INPUT_LIMITS.arrayLength) {
          report(path, `has more than ${INPUT_LIMITS.arrayLength} elements`)
          continue
        }
        value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }))
      } else {
        for (const key of Object.keys(value)) {
          const problem = PROTOTYPE_KEYS.has(key) ? "is not an accepted field name" : stringIssue(key, where, INPUT_LIMITS.key)
          if (problem) {
            report([...path, key], `field name ${problem}`)
            continue
          }
          stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] })
        }
      }
    }
  }
  return issues
}

const WHOLE = /^\d{1,9}$/

/** limit, offset and page: whole, non-negative and bounded, for every route (Medusa's own too). */
export function paginationIssues(query: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const [key, max] of [["limit", INPUT_LIMITS.limit], ["offset", INPUT_LIMITS.offset], ["page", INPUT_LIMITS.page]] as const) {
    const value = query[key]
    if (value === undefined) continue
    if (typeof value !== "string" || !WHOLE.test(value) || Number(value) > max) {
      issues.push({ path: key, message: `must be a whole number from 0 to ${max}` })
    }
  }
  return issues
}

/** Each segment of the path, decoded as the router will decode it. */
export function pathIssues(originalUrl: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  const pathname = originalUrl.split("?")[0]
  for (const raw of pathname.split("/")) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      issues.push({ path: "url", message: "invalid %-encoding" })
      continue
    }
    const problem = stringIssue(segment, "path", INPUT_LIMITS.pathSegment)
    if (problem) issues.push({ path: "url", message: `a path segment ${problem}` })
  }
  return issues
}

/** The edge rule as a middleware: 400 `invalid_request` with the issues found, before any route sees the request. */
export function guardInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Answers written by middlewares after this one (Medusa's authenticate: 401 {message}) get a code too.
  addCodeTo4xx(res)
  const fromPath = pathIssues(req.originalUrl ?? req.url)
  const query = (req.query ?? {}) as Record<string, unknown>
  const fromQuery = [...paginationIssues(query), ...inputIssues(query, "query")]
  const body = req.body
  const fromBody = body && typeof body === "object" && !Buffer.isBuffer(body) ? inputIssues(body, "body") : []
  const errors = [...fromPath, ...fromQuery, ...fromBody]
  if (!errors.length) return next()
  const where = fromPath.length ? "address" : fromQuery.length ? "query" : "body"
  const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ")
  next(new CoopstallError(400, "invalid_request", `Invalid ${where}. ${summary}`, errors))
}

/** Every surface a client can reach, ours and Medusa's own routes under them, and the public trace pages. */
export const GUARDED_PREFIXES = ["/store", "/vendor", "/admin", "/auth", "/hooks", "/t", "/01"] as const
