import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  Meilisearch,
  MeilisearchApiError,
  MultiSearchQuery,
  MultiSearchResult,
  RecordAny,
  Settings,
} from "meilisearch" with { "resolution-mode": "import" }
import { foldVietnamese } from "../../lib/text"
import { fieldAt, literal, toMeilisearchFilter } from "./filters"

export type MeilisearchProviderOptions = {
  host: string
  api_key?: string
  /** Documents per addDocuments call. */
  batch_size?: number
  /** How long waitForTask waits by default. */
  task_timeout_ms?: number
  /** Polling interval while waiting for a task. */
  task_interval_ms?: number
}

type Fields = Record<string, SearchTypes.SearchFieldDefinition>
type Flat = { path: string; field: SearchTypes.SearchFieldDefinition }
type Doc = Record<string, unknown>
type ValueFacet = Extract<SearchTypes.SearchFacetRequest, { type?: "value" }>
type Response = MultiSearchResult<RecordAny>

const DEFAULT_BATCH = 1000
const DEFAULT_TIMEOUT_MS = 60_000

function flatten(fields: Fields, prefix = ""): Flat[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name
    if (field.type === "object" && field.fields) return flatten(field.fields, path)
    return [{ path, field }]
  })
}

const weightOf = (field: SearchTypes.SearchFieldDefinition) =>
  typeof field.searchable === "object" ? field.searchable.weight ?? 1 : field.searchable ? 1 : 0

const facetKinds = (field: SearchTypes.SearchFieldDefinition): string[] => {
  if (!field.facetable) return []
  const defaults = ["integer", "float", "date"].includes(field.type) ? ["range"] : ["value"]
  return field.facetable === true ? defaults : field.facetable.types ?? defaults
}

/** Meilisearch's index settings for a definition: what can be searched (in weight order), filtered, sorted, faceted. */
export function indexSettings(index: SearchTypes.ResolvedSearchIndexDefinition) {
  const flat = flatten(index.fields)
  for (const { path, field } of flat) {
    if (field.type === "geo") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The Meilisearch provider does not map geo field "${path}"`)
  }
  const searchable = flat
    .filter(({ field }) => weightOf(field) > 0)
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => weightOf(b.field) - weightOf(a.field) || a.order - b.order)
    .map(({ path }) => path)
  const filterable = flat.filter(({ field }) => field.filterable || facetKinds(field).length).map(({ path }) => path)
  const sortable = flat.filter(({ field }) => field.sortable).map(({ path }) => path)
  const displayed = flat.filter(({ field }) => field.retrievable !== false && field.type !== "vector").map(({ path }) => path)
  const typo = index.settings?.typo_tolerance ?? {}
  const settings: Record<string, unknown> = {
    searchableAttributes: searchable.length ? searchable : ["*"],
    filterableAttributes: filterable,
    sortableAttributes: sortable,
    displayedAttributes: displayed,
    // Meilisearch's default order with `sort` ahead of relevance ties, as its docs recommend for shops.
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    typoTolerance: {
      enabled: typo.enabled ?? true,
      ...(typo.min_word_size_for_one_typo !== undefined || typo.min_word_size_for_two_typos !== undefined
        ? {
            minWordSizeForTypos: {
              ...(typo.min_word_size_for_one_typo !== undefined ? { oneTypo: typo.min_word_size_for_one_typo } : {}),
              ...(typo.min_word_size_for_two_typos !== undefined ? { twoTypos: typo.min_word_size_for_two_typos } : {}),
            },
          }
        : {}),
      ...(typo.disabled_on_attributes?.length ? { disableOnAttributes: typo.disabled_on_attributes } : {}),
    },
    faceting: { maxValuesPerFacet: 1000 },
    pagination: { maxTotalHits: 100_000 },
  }
  if (index.settings?.distinct_attribute) settings.distinctAttribute = index.settings.distinct_attribute
  return { ...settings, ...(index.settings?.provider_options?.meilisearch ?? {}) }
}

const dateFields = (fields: Fields) => flatten(fields).filter(({ field }) => field.type === "date").map(({ path }) => path)

function mapPath(doc: Doc, path: string, fn: (v: unknown) => unknown) {
  const parts = path.split(".")
  let node: Doc | undefined = doc
  for (const part of parts.slice(0, -1)) {
    node = node?.[part] as Doc | undefined
    if (!node || typeof node !== "object") return
  }
  const last = parts[parts.length - 1]
  if (node && node[last] !== undefined && node[last] !== null) node[last] = fn(node[last])
}

const toEpoch = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "string" ? Date.parse(v) : v)
const toIso = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString() : v)

/** The id filter of a delete-by-id, if that is all the filter is. */
function idsOnly(filters: SearchTypes.SearchFilters, primaryKey: string): string[] | null {
  const keys = Object.keys(filters)
  if (keys.length !== 1 || keys[0] !== primaryKey) return null
  const value = (filters as Record<string, unknown>)[primaryKey]
  if (typeof value === "string" || typeof value === "number") return [String(value)]
  if (Array.isArray(value)) return value.map(String)
  if (value && typeof value === "object" && Object.keys(value).length === 1) {
    const op = value as { $in?: unknown; $eq?: unknown }
    if (Array.isArray(op.$in)) return op.$in.map(String)
    if (op.$eq !== undefined) return [String(op.$eq)]
  }
  return null
}

const MATCHING = { all: "all", any: "frequency", last: "all" } as const

/**
 * A search provider for Medusa's Search module on Meilisearch, through the official client.
 * Index settings follow the definition; writes are batched and return Meilisearch task ids the
 * module waits on; the module's filter tree is compiled to Meilisearch's filter language; several
 * queries (and range facets) go out as one multi-search request.
 */
export class MeilisearchSearchService extends AbstractSearchProviderService {
  static identifier = "search-meilisearch"

  protected client_: Promise<Meilisearch>
  protected apiError_: Promise<typeof MeilisearchApiError>
  protected logger_?: Logger
  protected options_: MeilisearchProviderOptions

  constructor({ logger }: { logger?: Logger }, options: MeilisearchProviderOptions) {
    super()
    if (!options?.host) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "The Meilisearch search provider needs a `host` (MEILISEARCH_HOST)")
    }
    this.logger_ = logger
    this.options_ = options
    // The official client is an ES module; a dynamic import loads it from this CommonJS build.
    const lib = import("meilisearch")
    this.client_ = lib.then((m) => new m.Meilisearch({ host: options.host, apiKey: options.api_key }))
    this.apiError_ = lib.then((m) => m.MeilisearchApiError)
    // Surfaced by the first call that needs the client, not as an unhandled rejection at boot.
    this.client_.catch(() => {})
    this.apiError_.catch(() => {})
  }

  private async settle(task: { taskUid: number }, timeoutMs?: number) {
    const done = await (await this.client_).tasks.waitForTask(task.taskUid, {
      timeout: timeoutMs ?? this.options_.task_timeout_ms ?? DEFAULT_TIMEOUT_MS,
      interval: this.options_.task_interval_ms ?? 50,
    })
    if (done.status !== "succeeded") {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch task ${task.taskUid} ${done.status} (${done.error?.code ?? "no code"}): ${done.error?.message ?? "no reason given"}`)
    }
    return done
  }

  private enqueued(task: { taskUid: number }, index: string): SearchTypes.SearchTask {
    return { id: String(task.taskUid), index, status: "enqueued" }
  }

  private toDocument(document: SearchTypes.SearchDocument, fields: Fields) {
    const copy: Doc = structuredClone(document)
    for (const path of dateFields(fields)) mapPath(copy, path, toEpoch)
    return copy
  }

  private fromDocument(document: Doc, fields: Fields) {
    for (const path of dateFields(fields)) mapPath(document, path, toIso)
    delete document._rankingScore
    return document
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const settings = indexSettings(index)
    try {
      await this.settle(await (await this.client_).createIndex(index.physical_name, { primaryKey: index.primary_key }))
    } catch (err) {
      const e = err as { message?: unknown; cause?: { code?: string } } | null
      // An index that already exists keeps its documents; only its settings are brought in line.
      if (!String(e?.message ?? "").includes("index_already_exists") && e?.cause?.code !== "index_already_exists") throw err
    }
    await this.settle(await (await this.client_).index(index.physical_name).updateSettings(settings as Settings))
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    try {
      await this.settle(await (await this.client_).deleteIndex(index))
    } catch (err) {
      if (!String((err as { message?: unknown } | null)?.message ?? "").includes("index_not_found")) throw err
    }
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const stats = await (await this.client_).getStats()
    return Object.entries(stats.indexes ?? {}).map(([name, s]) => ({
      name,
      provider: MeilisearchSearchService.identifier,
      document_count: Number(s.numberOfDocuments ?? 0),
    }))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) return { index, status: "succeeded" }
    const batch = this.options_.batch_size ?? DEFAULT_BATCH
    const target = (await this.client_).index(index)
    const tasks: { taskUid: number }[] = []
    for (let offset = 0; offset < documents.length; offset += batch) {
      const chunk = documents.slice(offset, offset + batch).map((d) => this.toDocument(d, definition.fields))
      tasks.push(await target.addDocuments(chunk, { primaryKey: definition.primary_key }))
    }
    // One task to hand back: the earlier batches are awaited here, the last one by the module.
    for (const task of tasks.slice(0, -1)) await this.settle(task)
    return this.enqueued(tasks[tasks.length - 1], index)
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const target = (await this.client_).index(index)
    const info = await target.getRawInfo()
    const primaryKey = info.primaryKey ?? "id"
    const ids = idsOnly(filters, primaryKey)
    if (ids) {
      if (!ids.length) return { index, status: "succeeded" }
      return this.enqueued(await target.deleteDocuments(ids), index)
    }
    const filter = toMeilisearchFilter(filters, {})
    if (!filter) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Deleting documents needs a filter")
    return this.enqueued(await target.deleteDocuments({ filter }), index)
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    return this.enqueued(await (await this.client_).index(index).deleteAllDocuments(), index)
  }

  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    if (!task.id) return task
    const done = await (await this.client_).tasks.waitForTask(Number(task.id), {
      timeout: options?.timeout_ms ?? this.options_.task_timeout_ms ?? DEFAULT_TIMEOUT_MS,
      interval: this.options_.task_interval_ms ?? 50,
    })
    return {
      ...task,
      status: done.status === "succeeded" ? "succeeded" : "failed",
      ...(done.status === "succeeded"
        ? {}
        : { error: { message: done.error?.message ?? `task ${done.status}`, code: done.error?.code } }),
    }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query, and one extra per requested range of a range facet, in one multi-search request. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    const plans = inputs.map((input) => this.plan(input))
    const queries = plans.flatMap((plan) => [plan.main, ...plan.ranges.map((r) => r.query)])
    const started = Date.now()
    let response: { results: Response[] }
    try {
      response = await (await this.client_).multiSearch({ queries: queries as MultiSearchQuery[] })
    } catch (err) {
      throw await this.translateError(err)
    }
    const results = response.results
    let at = 0
    return plans.map((plan) => {
      const main = results[at++]
      const ranges = plan.ranges.map((range) => ({ range, result: results[at++] }))
      return this.buildResult(plan, main, ranges, Date.now() - started)
    })
  }

  private async translateError(err: unknown) {
    if (err instanceof (await this.apiError_)) {
      const code = err.cause?.code
      if (code === "index_not_found") return new MedusaError(MedusaError.Types.NOT_FOUND, err.message)
      if (code === "invalid_search_filter" || code === "invalid_search_sort" || code === "invalid_search_facets") {
        return new MedusaError(MedusaError.Types.INVALID_DATA, err.message)
      }
    }
    return err
  }

  private plan(input: SearchTypes.ProviderSearchQuery) {
    const options = input.search_options ?? {}
    if (options.vector) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Meilisearch provider does not run vector queries")
    if (input.pagination?.cursor !== undefined) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Meilisearch provider does not support cursor pagination")
    }
    if (options.locales?.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Meilisearch provider does not take query-time locales")
    }
    const fields = input.index.fields
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const filter = toMeilisearchFilter(input.filters, fields)
    const sort = Object.entries(input.pagination?.order ?? {})
      .filter(([key]) => key !== "_score")
      .map(([key, dir]) => `${key}:${dir === "ASC" ? "asc" : "desc"}`)
    const facets = (options.facets ?? []).map((f) => (typeof f === "string" ? { field: f, type: "value" as const } : f))
    const valueFacets = facets.filter((f) => (f.type ?? "value") === "value" || f.type === "stats").map((f) => f.field)
    const q = input.q ? foldVietnamese(input.q) : undefined
    const main: Record<string, unknown> = {
      indexUid: input.index.physical_name,
      q,
      offset: skip,
      limit: take,
      ...(filter ? { filter } : {}),
      ...(sort.length ? { sort } : {}),
      ...(valueFacets.length ? { facets: [...new Set(valueFacets)] } : {}),
      ...(input.attributes_to_retrieve?.length ? { attributesToRetrieve: [...new Set([input.index.primary_key, ...input.attributes_to_retrieve])] } : {}),
      ...(options.attributes_to_search_on?.length ? { attributesToSearchOn: options.attributes_to_search_on } : {}),
      ...(options.match_strategy ? { matchingStrategy: MATCHING[options.match_strategy] } : {}),
      ...(options.include_score || options.min_score !== undefined ? { showRankingScore: true } : {}),
      ...(options.min_score !== undefined ? { rankingScoreThreshold: options.min_score } : {}),
      ...(options.distinct ?? input.index.settings?.distinct_attribute ? { distinct: options.distinct ?? input.index.settings?.distinct_attribute } : {}),
      ...(options.highlight
        ? {
            attributesToHighlight: options.highlight === true ? ["*"] : options.highlight.fields,
            highlightPreTag: options.highlight === true ? "<mark>" : options.highlight.pre_tag ?? "<mark>",
            highlightPostTag: options.highlight === true ? "</mark>" : options.highlight.post_tag ?? "</mark>",
          }
        : {}),
      ...(input.search_options?.provider_options?.meilisearch ?? {}),
    }
    // Meilisearch has no range facets: each range is counted by a query of its own (no hits).
    const ranges = facets
      .filter((f): f is Extract<SearchTypes.SearchFacetRequest, { type: "range" }> => f.type === "range")
      .flatMap((facet) =>
        facet.ranges.map((range, i) => {
          const field = fieldAt(fields, facet.field)
          const bounds = [
            range.from !== undefined ? `${facet.field} >= ${literal(range.from, field)}` : null,
            range.to !== undefined ? `${facet.field} < ${literal(range.to, field)}` : null,
          ].filter(Boolean)
          const combined = [filter ? `(${filter})` : null, ...bounds].filter(Boolean).join(" AND ")
          return {
            field: facet.field,
            key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
            from: range.from,
            to: range.to,
            order: i,
            query: { indexUid: input.index.physical_name, q, limit: 0, ...(combined ? { filter: combined } : {}) },
          }
        })
      )
    return { input, facets, main, ranges, skip, take, q }
  }

  private buildResult(plan: ReturnType<MeilisearchSearchService["plan"]>, main: Response, ranges: { range: ReturnType<MeilisearchSearchService["plan"]>["ranges"][number]; result: Response }[], elapsed: number): SearchTypes.SearchResult {
    const { input, facets, skip, take } = plan
    const options = input.search_options ?? {}
    const pk = input.index.primary_key
    const out: Record<string, SearchTypes.SearchFacetResult> = {}
    for (const facet of facets) {
      const type = facet.type ?? "value"
      if (type === "value") {
        const valueFacet = facet as ValueFacet
        const limit = valueFacet.limit ?? 100
        const distribution: Record<string, number> = main.facetDistribution?.[facet.field] ?? {}
        let values = Object.entries(distribution).map(([value, count]) => ({ value, count: Number(count) }))
        if (valueFacet.query) {
          const needle = foldVietnamese(valueFacet.query)
          values = values.filter((v) => foldVietnamese(v.value).includes(needle))
        }
        values.sort(valueFacet.sort === "alpha" ? (a, b) => a.value.localeCompare(b.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value))
        out[facet.field] = { type: "value", values: values.slice(0, limit) }
      } else if (type === "stats") {
        const stats = main.facetStats?.[facet.field]
        out[facet.field] = { type: "stats", min: stats?.min ?? 0, max: stats?.max ?? 0, count: main.estimatedTotalHits ?? main.totalHits ?? 0 }
      } else {
        out[facet.field] = {
          type: "range",
          ranges: ranges
            .filter(({ range }) => range.field === facet.field)
            .map(({ range, result }) => ({
              key: range.key,
              ...(range.from !== undefined ? { from: range.from } : {}),
              ...(range.to !== undefined ? { to: range.to } : {}),
              count: Number(result.estimatedTotalHits ?? result.totalHits ?? 0),
            })),
        }
      }
    }
    const count = options.count === "none" ? null : Number(main.estimatedTotalHits ?? main.totalHits ?? 0)
    return {
      hits: (main.hits ?? []).map((hit) => {
        const score = hit._rankingScore
        const highlights = hit._formatted
          ? Object.fromEntries(Object.entries(hit._formatted).filter(([k]) => k !== pk).map(([k, v]) => [k, [String(v)]]))
          : undefined
        const document = this.fromDocument({ ...hit }, input.index.fields)
        delete document._formatted
        return {
          id: String(hit[pk]),
          ...(options.include_score && score !== undefined ? { score } : {}),
          document,
          ...(highlights && options.highlight ? { highlights } : {}),
        }
      }),
      ...(facets.length ? { facets: out } : {}),
      metadata: {
        skip,
        take,
        count,
        query: input.q,
        processing_time_ms: main.processingTimeMs ?? elapsed,
      },
    }
  }
}

export default MeilisearchSearchService
