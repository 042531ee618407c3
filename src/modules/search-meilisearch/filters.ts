import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

// The Search module's filter tree (`$eq`, `$in`, ranges, `$and`/`$or`/`$not`…) as a Meilisearch
// filter expression. Date fields are stored as epoch milliseconds, so date values become numbers.

type Fields = Record<string, SearchTypes.SearchFieldDefinition>

const reject = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

export function fieldAt(fields: Fields, path: string): SearchTypes.SearchFieldDefinition | undefined {
  let group: Fields | undefined = fields
  let found: SearchTypes.SearchFieldDefinition | undefined
  for (const part of path.split(".")) {
    found = group?.[part]
    group = found?.fields
  }
  return found
}

export function literal(value: unknown, field?: SearchTypes.SearchFieldDefinition): string {
  if (value instanceof Date) return String(value.getTime())
  if (field?.type === "date" && typeof value === "string") {
    const ms = Date.parse(value)
    if (Number.isNaN(ms)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${value}" is not a date`)
    return String(ms)
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${value} is not a finite number`)
    return String(value)
  }
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "string") return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot filter on a value of type ${typeof value}`)
}

const list = (values: unknown[], field?: SearchTypes.SearchFieldDefinition) =>
  `[${values.map((v) => literal(v, field)).join(", ")}]`

function equals(name: string, value: unknown, field?: SearchTypes.SearchFieldDefinition) {
  return value === null ? `${name} IS NULL` : `${name} = ${literal(value, field)}`
}

function fieldExpression(name: string, value: unknown, fields: Fields): string {
  const field = fieldAt(fields, name)
  if (value === null || typeof value !== "object" || value instanceof Date) return equals(name, value, field)
  if (Array.isArray(value)) return `${name} IN ${list(value, field)}`
  const parts: string[] = []
  for (const [op, operand] of Object.entries(value as Record<string, unknown>)) {
    switch (op) {
      case "$eq": parts.push(equals(name, operand, field)); break
      case "$ne": parts.push(operand === null ? `${name} IS NOT NULL` : `${name} != ${literal(operand, field)}`); break
      case "$in": parts.push(`${name} IN ${list(operand as unknown[], field)}`); break
      case "$nin": if ((operand as unknown[]).length) parts.push(`${name} NOT IN ${list(operand as unknown[], field)}`); break
      case "$lt": parts.push(`${name} < ${literal(operand, field)}`); break
      case "$lte": parts.push(`${name} <= ${literal(operand, field)}`); break
      case "$gt": parts.push(`${name} > ${literal(operand, field)}`); break
      case "$gte": parts.push(`${name} >= ${literal(operand, field)}`); break
      case "$exists": parts.push(operand ? `${name} EXISTS` : `${name} NOT EXISTS`); break
      case "$contains": {
        const all = Array.isArray(operand) ? operand : [operand]
        if (all.length === 1) parts.push(equals(name, all[0], field))
        else if (all.length) parts.push(`(${all.map((v) => equals(name, v, field)).join(" AND ")})`)
        break
      }
      case "$overlaps": parts.push(`${name} IN ${list(operand as unknown[], field)}`); break
      case "$prefix":
      case "$like":
        throw reject(`The Meilisearch provider cannot filter with ${op} (Meilisearch has no substring filter)`)
      default:
        throw reject(`Unknown filter operator ${op} on "${name}"`)
    }
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
}

/** The whole tree as one expression, or undefined when it filters nothing. `q` is never a field. */
export function toMeilisearchFilter(filters: SearchTypes.SearchFilters | undefined, fields: Fields): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (key === "q" || value === undefined) continue
    if (key === "$and" || key === "$or") {
      const branches = (value as SearchTypes.SearchFilters[])
        .map((branch) => toMeilisearchFilter(branch, fields))
        .filter((b): b is string => !!b)
      if (!branches.length) {
        if (key === "$or") throw new MedusaError(MedusaError.Types.INVALID_DATA, "$or needs at least one condition")
        continue
      }
      parts.push(branches.length === 1 ? branches[0] : `(${branches.join(key === "$and" ? " AND " : " OR ")})`)
    } else if (key === "$not") {
      const inner = toMeilisearchFilter(value as SearchTypes.SearchFilters, fields)
      if (inner) parts.push(`NOT (${inner})`)
    } else {
      parts.push(fieldExpression(key, value, fields))
    }
  }
  if (!parts.length) return undefined
  return parts.length === 1 ? parts[0] : parts.join(" AND ")
}
