import {
  configureStoreSearch,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import type { ISearchModuleService, SearchTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { StoreSearch } from "../../../medusa-internals/medusa-routes"
import { CoopstallError, ErrorTypes, type FieldIssue } from "../../../lib/errors"
import { canonicalProvince } from "../../../lib/provinces"

// POST /store/search is Medusa's own route (InstantSearch-style contract, one or several queries).
// What we add in front of it:
// - which indexes it serves, and the filters every query on them gets, whatever the client sends:
//   published products (Medusa adds status and the publishable key's sales channels itself) of
//   approved cooperatives, and approved cooperatives;
// - every bad input answered 400 with a stable code before it reaches the engine.

export const SEARCH_QUERY_MAX_LENGTH = 200
export const STORE_SEARCH_INDEXES = ["product", "cooperative"] as const

const scope = configureStoreSearch({
  allowed_indexes: {
    product: { filters: () => ({ cooperative_status: "approved" }) },
    cooperative: { filters: () => ({ status: "approved" }) },
  },
})

type Field = SearchTypes.SearchFieldDefinition
const NUMERIC = new Set(["integer", "float"])

const fail = (code: string, message: string, path: string) =>
  new CoopstallError(ErrorTypes.INVALID_DATA, code, message, [{ path, message }])

function facetKinds(field: Field): string[] {
  if (!field.facetable) return []
  const defaults = ["integer", "float", "date"].includes(field.type) ? ["range"] : ["value"]
  return field.facetable === true ? defaults : field.facetable.types ?? defaults
}

type FacetRequest = string | { field: string; type?: string }
/** One query of a search request, the parts checked here (the rest passes through as Medusa parsed it). */
type SearchQuery = {
  entity: string
  filters?: unknown
  pagination?: { order?: Record<string, unknown> }
  search_options?: {
    facets?: FacetRequest[]
    attributes_to_search_on?: string[]
    distinct?: string
    [option: string]: unknown
  }
  fields?: string[]
}

function checkQuery(query: SearchQuery, at: string, fields: Record<string, Field>, indexName: string) {
  const field = (name: string, path: string) => {
    const found = fields[name]
    if (!found) throw fail("unknown_field", `The ${indexName} index has no field "${name}".`, path)
    return found
  }

  const checkValue = (name: string, def: Field, value: unknown, path: string) => {
    if (value === null || value === undefined || typeof value === "boolean") return value
    if (Array.isArray(value)) return value.map((v, i) => checkValue(name, def, v, `${path}.${i}`))
    if (typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([op, v]) => [op, checkValue(name, def, v, `${path}.${op}`)])
      )
    }
    if (NUMERIC.has(def.type)) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw fail("invalid_filter_value", `"${name}" is a number.`, path)
      }
      if (value < 0) throw fail("invalid_filter_value", `"${name}" cannot be negative.`, path)
    }
    if (name === "province" && typeof value === "string") return canonicalProvince(value) ?? value
    return value
  }

  const walk = (filters: unknown, path: string): unknown => {
    if (!filters || typeof filters !== "object") return filters
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(filters)) {
      const here = `${path}.${key}`
      if (key === "q") {
        if (path !== `${at}.filters`) throw fail("unknown_field", `"q" belongs at the top of the filters.`, here)
        if (typeof value !== "string") throw fail("invalid_request", `"q" is a string.`, here)
        if (value.length > SEARCH_QUERY_MAX_LENGTH) {
          throw fail("query_too_long", `The search text is limited to ${SEARCH_QUERY_MAX_LENGTH} characters.`, here)
        }
        out.q = value
      } else if (key === "$and" || key === "$or") {
        out[key] = (value as unknown[]).map((branch, i) => walk(branch, `${here}.${i}`))
      } else if (key === "$not") {
        out[key] = walk(value, here)
      } else if (key.startsWith("$")) {
        throw fail("invalid_request", `Unknown operator "${key}".`, here)
      } else {
        const def = field(key, here)
        if (!def.filterable) throw fail("field_not_filterable", `"${key}" cannot be filtered on.`, here)
        out[key] = checkValue(key, def, value, here)
      }
    }
    return out
  }

  if (query.filters) query.filters = walk(query.filters, `${at}.filters`)

  for (const name of Object.keys(query.pagination?.order ?? {})) {
    if (name === "_score") continue
    if (!field(name, `${at}.pagination.order.${name}`).sortable) {
      throw fail("field_not_sortable", `Results cannot be sorted by "${name}".`, `${at}.pagination.order.${name}`)
    }
  }
  const options = query.search_options ?? {}
  ;(options.facets ?? []).forEach((facet, i) => {
    const request = typeof facet === "string" ? { field: facet, type: "value" } : facet
    const path = `${at}.search_options.facets.${i}`
    if (!facetKinds(field(request.field, path)).includes(request.type ?? "value")) {
      throw fail("field_not_facetable", `"${request.field}" has no ${request.type ?? "value"} facet.`, path)
    }
  })
  ;(options.attributes_to_search_on ?? []).forEach((name, i) => {
    const def = field(name, `${at}.search_options.attributes_to_search_on.${i}`)
    if (!def.searchable) throw fail("field_not_searchable", `"${name}" is not searched.`, `${at}.search_options.attributes_to_search_on.${i}`)
  })
  ;(query.fields ?? []).forEach((name, i) => {
    const def = field(name, `${at}.fields.${i}`)
    if (def.retrievable === false) throw fail("unknown_field", `"${name}" is not returned.`, `${at}.fields.${i}`)
  })
  if (options.distinct) field(options.distinct, `${at}.search_options.distinct`)
  for (const option of ["vector", "highlight", "locales"]) {
    if (options[option] !== undefined && options[option] !== false) {
      throw fail("unsupported_option", `search_options.${option} is not supported.`, `${at}.search_options.${option}`)
    }
  }
}

/** Validates a search request against the index definitions; the parsed body replaces the raw one. */
export function validateStoreSearch(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST") return next()
  try {
    const parsed = StoreSearch.safeParse(req.body ?? {})
    if (!parsed.success) {
      const errors: FieldIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.join(".") || "body",
        message: issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}` : issue.message,
      }))
      throw new CoopstallError(ErrorTypes.INVALID_DATA, "invalid_request", `Invalid body. ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors)
    }
    const body = parsed.data as SearchQuery | { queries: SearchQuery[] }
    const queries = "queries" in body ? body.queries : [body]
    const searchModule = req.scope.resolve<ISearchModuleService>(Modules.SEARCH)
    queries.forEach((query, i) => {
      if (!(STORE_SEARCH_INDEXES as readonly string[]).includes(query.entity)) return // Medusa answers 404
      const fields = searchModule.getIndex(query.entity).fields
      checkQuery(query, "queries" in body ? `queries.${i}` : "body", fields, query.entity)
    })
    req.body = body
    next()
  } catch (err) {
    next(err)
  }
}

export const storeSearchMiddlewares: MiddlewareRoute[] = [
  // Method-less, so both run ahead of Medusa's own body validation on the route.
  { matcher: "/store/search", middlewares: [scope, validateStoreSearch] },
]
