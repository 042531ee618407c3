import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { expectFunction, expectMentions, loadPackageFile, packageVersion, probe } from "./shape"

// Medusa's PostgreSQL search provider class. Its package publishes only a ModuleProvider (no
// `exports`, no class export at the root), so our Vietnamese provider (src/modules/search-
// postgres-vi) subclasses it from the build output and overrides protected methods whose
// signatures are not public API. This file is the one place that imports it; the types below are
// read off the class's own .d.ts so an upgrade that changes them fails the type check, and
// checkPostgresSearch fails the start if the compiled class lost a method or a field we use.
// @medusajs/search-postgres is a declared dependency, pinned to the Medusa version.

export { PostgresSearchService }

/** One physical index's catalog row (table name and field plan). */
export type SearchCatalog = NonNullable<Awaited<ReturnType<PostgresSearchService["getCatalog"]>>>
/** The pieces of one search statement executeQuery assembles (Medusa's private QueryParts). */
export type SearchQueryParts = Parameters<PostgresSearchService["executeQuery"]>[0]
export type SearchQueryResult = Awaited<ReturnType<PostgresSearchService["executeQuery"]>>
export type SearchFacetInput = Parameters<PostgresSearchService["resolveFacets"]>[0]
export type SearchFacetResult = Awaited<ReturnType<PostgresSearchService["resolveFacets"]>>
/** The field plan of an index, as createDocumentTable receives it. */
export type SearchIndexPlan = Parameters<PostgresSearchService["createDocumentTable"]>[1]
export type SearchDbManager = PostgresSearchService["manager_"]
export type SearchDeleteDocumentsInput = Parameters<PostgresSearchService["deleteDocuments"]>[0]
export type SearchUpsertDocumentsInput = Parameters<PostgresSearchService["upsertDocuments"]>[0]

const PACKAGE = "@medusajs/search-postgres"
const FILE = "dist/services/postgres-search.js"
const CLASS = `${FILE}: PostgresSearchService`

/** Methods we override or call through super, with the parameter counts of their compiled JS. */
const METHODS: [name: string, arity: number | null][] = [
  ["executeQuery", 1],
  ["resolveFacets", 1],
  ["getCatalog", null], // (name, manager = this.manager_): a default parameter makes length 1
  ["createDocumentTable", 3],
  ["upsertIndex", 1],
  ["deleteIndex", 1],
  ["upsertDocuments", 1],
  ["deleteDocuments", 1],
  ["clearIndex", 1],
  ["search", 1],
  ["searchMany", 1],
]

/**
 * Fields of Medusa's objects our subclass reads: QueryParts (hits statement rebuilt without the
 * `indexed` column), the facet input (cache key), the plan's fields (sort indexes) and the catalog row.
 */
const EXECUTE_QUERY_READS = ["prelude", "rankSql", "conditionsSql", "orderSql", "fastOrderSql", "minScore", "distinctExpr", "take", "skip", "count", "table"]
const RESOLVE_FACETS_READS = ["requests", "scopeWhere", "table"]
const PLAN_FIELD_READS = ["sortable", "is_array", "kind", "path"]

export function checkPostgresSearch(): string[] {
  return probe(() => {
    const problems: string[] = []
    const medusa = packageVersion("@medusajs/framework")
    const own = packageVersion(PACKAGE)
    if (own !== medusa) problems.push(`${PACKAGE} is ${own}, not the Medusa version ${medusa} (pin them together)`)
    const m = loadPackageFile(PACKAGE, FILE)
    if (!m.module) return [...problems, m.problem!]
    const cls: unknown = m.module.PostgresSearchService
    if (typeof cls !== "function") return [...problems, `${FILE} no longer exports the class PostgresSearchService`]
    const proto = cls.prototype as Record<string, unknown>
    for (const [name, arity] of METHODS) problems.push(...expectFunction(proto, name, arity, CLASS))
    problems.push(...expectMentions(proto.executeQuery, EXECUTE_QUERY_READS, `${CLASS}.executeQuery`))
    problems.push(...expectMentions(proto.executeQuery, ["hitRows", "manager_"], `${CLASS}.executeQuery`))
    problems.push(...expectMentions(proto.resolveFacets, RESOLVE_FACETS_READS, `${CLASS}.resolveFacets`))
    problems.push(...expectMentions(proto.getCatalog, ["table_name"], `${CLASS}.getCatalog`))
    const planSource = loadPackageFile(PACKAGE, "dist/utils/index.js")
    if (planSource.module) {
      const planner = Object.values(planSource.module).find((v) => typeof v === "function" && PLAN_FIELD_READS.every((w) => Function.prototype.toString.call(v).includes(w)))
      if (!planner) problems.push(`${PACKAGE}/dist/utils no longer plans fields with ${PLAN_FIELD_READS.join(", ")}`)
    }
    return problems
  })
}
