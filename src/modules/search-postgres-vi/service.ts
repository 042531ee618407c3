import { AsyncLocalStorage } from "node:async_hooks"
import type { SearchTypes } from "@medusajs/framework/types"
import {
  PostgresSearchService,
  type SearchCatalog,
  type SearchDbManager,
  type SearchDeleteDocumentsInput,
  type SearchFacetInput,
  type SearchFacetResult,
  type SearchIndexPlan,
  type SearchQueryParts,
  type SearchQueryResult,
  type SearchUpsertDocumentsInput,
} from "../../medusa-internals/postgres-search"
import { foldVietnamese } from "../../lib/text"

/** How long a catalog row (table name and field plan of one physical index) is trusted. */
const CATALOG_TTL_MS = 60_000
/**
 * How long an estimated count or a facet distribution is reused for the same filters. Counting
 * every match and grouping them by facet value are the expensive parts of a search (a scan of
 * every matching row, up to the whole 20,000-row catalog, per statement); figures two seconds old
 * are as good as an estimate, any write to the index drops them, and `count: "exact"` always
 * computes both.
 */
const DEFAULT_COUNT_CACHE_MS = 2_000
const AGGREGATE_CACHE_MAX = 5_000
/** Set while a query that asked for `count: "exact"` runs. */
const exactCount = new AsyncLocalStorage<boolean>()

type Aggregate = { at: number; value?: unknown; pending?: Promise<unknown> }

type HitRow = SearchQueryResult["hitRows"][number]

/**
 * Medusa's PostgreSQL search provider (native engine), tuned for Vietnamese and for speed:
 *
 * - the free-text query is folded before it reaches SQL (NFC or NFD input, tone and vowel marks
 *   stripped, đ→d), so the `medusa_search_simple` configuration (simple + unaccent, created by
 *   our migration) and pg_trgm's typo matching both compare unaccented text with unaccented text;
 *   index definitions carry a folded searchable field for the trigram side;
 * - the catalog row of a physical index is cached instead of read on every search and write;
 * - the hits statement selects no `indexed` copy, and identical searches arriving while one runs
 *   share it; counts and facet counts are cached for a moment (see DEFAULT_COUNT_CACHE_MS);
 * - sortable numeric fields get a btree expression index, so "cheapest first" on 20,000
 *   documents reads 20 rows instead of sorting them all.
 */
export class VietnamesePostgresSearchService extends PostgresSearchService {
  static identifier = "search-postgres-vi"

  private catalogs_ = new Map<string, { at: number; value: SearchCatalog }>()
  /** Counts and facet distributions, keyed by `[table, kind, SQL, params]`. */
  private aggregates_ = new Map<string, Aggregate>()
  /** Hits statements in flight, keyed by `[table, "hits", SQL, params]`. */
  private runningHits_ = new Map<string, Promise<HitRow[]>>()
  private countCacheMs_: number

  constructor(deps: ConstructorParameters<typeof PostgresSearchService>[0], options: ConstructorParameters<typeof PostgresSearchService>[1] & { count_cache_ms?: number } = {}) {
    super(deps, options)
    this.countCacheMs_ = Number(options.count_cache_ms ?? process.env.SEARCH_COUNT_CACHE_MS ?? DEFAULT_COUNT_CACHE_MS)
  }

  /**
   * The hits and the count run side by side on two pooled connections instead of one after the
   * other, and an estimated count is reused for a moment (see DEFAULT_COUNT_CACHE_MS).
   */
  protected async executeQuery(parts: SearchQueryParts): Promise<SearchQueryResult> {
    if (parts.prelude) return super.executeQuery(parts)
    if (!parts.count) return { hitRows: await this.hits(parts), count: null }
    const count = () => super.executeQuery({ ...parts, take: 0, skip: 0, count: true }).then((r) => r.count)
    if (!this.aggregateCacheable()) {
      const [hitRows, counted] = await Promise.all([this.hits(parts), count()])
      return { hitRows, count: counted }
    }
    const params: unknown[] = []
    const conditions = parts.conditionsSql(params)
    const key = JSON.stringify([parts.table, "count", conditions, params, parts.minScore ?? null, parts.distinctExpr ?? null])
    const [hitRows, counted] = await Promise.all([this.hits(parts), this.aggregate(key, count)])
    return { hitRows, count: counted }
  }

  /**
   * The hits of a page: Medusa's statement, without the `indexed` column, which only `min_score`,
   * `distinct` and hybrid search read (those keep Medusa's own statement). Each row otherwise
   * carries a second copy of the document that the driver parses and nobody uses.
   */
  private async hits(parts: SearchQueryParts): Promise<HitRow[]> {
    if (parts.take === 0) return []
    if (parts.minScore !== undefined || parts.distinctExpr) {
      return (await super.executeQuery({ ...parts, count: false })).hitRows
    }
    const params: unknown[] = []
    const rank = parts.rankSql(params)
    const conditions = parts.conditionsSql(params)
    const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""
    const order = parts.fastOrderSql ? parts.fastOrderSql(params) : parts.orderSql
    params.push(parts.take, parts.skip)
    const sql = `SELECT "id", "document", ${rank} AS score FROM "${parts.table}" ${where} ORDER BY ${order} LIMIT ? OFFSET ?`
    // Identical searches that arrive while one is running share its statement (nothing is kept
    // once it answers, and a write to the index makes later arrivals start their own).
    const key = JSON.stringify([parts.table, "hits", sql, params])
    const running = this.runningHits_.get(key)
    if (running) return running
    const pending = this.manager_.execute(sql, params).finally(() => {
      if (this.runningHits_.get(key) === pending) this.runningHits_.delete(key)
    })
    this.runningHits_.set(key, pending)
    return pending
  }

  /** Facet distributions are cached like counts: same lifetime, dropped by the same writes. */
  protected async resolveFacets(input: SearchFacetInput): Promise<SearchFacetResult> {
    if (!input.requests?.length || !this.aggregateCacheable()) return super.resolveFacets(input)
    const key = JSON.stringify([input.table, "facets", input.scopeWhere?.sql ?? null, input.scopeWhere?.params ?? null, input.requests])
    return this.aggregate(key, () => super.resolveFacets(input))
  }

  private aggregateCacheable() {
    return this.countCacheMs_ > 0 && !exactCount.getStore()
  }

  /**
   * A cached aggregate, or the one being computed: concurrent identical searches share one
   * statement instead of each scanning the same rows. Once a value is older than the cache
   * lifetime it is still answered while a single refresh runs in the background (for at most one
   * more lifetime), so no search waits for a recount; a value computed across a write to its index
   * is not kept (the write removed its entry, see forgetAggregates), and the next search after a
   * write waits for a fresh one.
   */
  private async aggregate<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now()
    const found = this.aggregates_.get(key)
    if (found?.pending && !("value" in found)) return found.pending as Promise<T>
    if (found && now - found.at < this.countCacheMs_) return found.value as T
    if (found && now - found.at < 2 * this.countCacheMs_) {
      if (!found.pending) {
        found.pending = this.computeAggregate(key, compute, found)
        found.pending.catch(() => {})
      }
      return found.value as T
    }
    if (this.aggregates_.size >= AGGREGATE_CACHE_MAX) this.aggregates_.clear()
    const entry: Aggregate = { at: now }
    this.aggregates_.set(key, entry)
    entry.pending = this.computeAggregate(key, compute, entry)
    return entry.pending as Promise<T>
  }

  private async computeAggregate<T>(key: string, compute: () => Promise<T>, entry: Aggregate): Promise<T> {
    const at = Date.now()
    try {
      const value = await compute()
      if (this.aggregates_.get(key) === entry) this.aggregates_.set(key, { at, value })
      return value
    } catch (err) {
      if (this.aggregates_.get(key) === entry) this.aggregates_.delete(key)
      throw err
    }
  }

  protected async getCatalog(name: string, manager?: SearchDbManager): Promise<SearchCatalog | null> {
    // Reads inside a transaction (upsertIndex) must see that transaction's own writes.
    if (manager && manager !== this.manager_) return super.getCatalog(name, manager)
    const cached = this.catalogs_.get(name)
    if (cached && Date.now() - cached.at < CATALOG_TTL_MS) return cached.value
    const value = await super.getCatalog(name)
    if (value) this.catalogs_.set(name, { at: Date.now(), value })
    else this.catalogs_.delete(name)
    return value
  }

  async upsertIndex(input: { index: SearchTypes.ResolvedSearchIndexDefinition }) {
    this.catalogs_.delete(input.index.physical_name)
    try {
      return await super.upsertIndex(input)
    } finally {
      this.catalogs_.delete(input.index.physical_name)
    }
  }

  async deleteIndex(input: { index: string }) {
    this.catalogs_.delete(input.index)
    return super.deleteIndex(input)
  }

  protected async createDocumentTable(table: string, plan: SearchIndexPlan, manager: SearchDbManager): Promise<void> {
    await super.createDocumentTable(table, plan, manager)
    for (const planned of plan.fields.values()) {
      if (!planned.field?.sortable || planned.is_array || planned.kind !== "number") continue
      const path = `'{${planned.path.split(".").join(",")}}'`
      const column = planned.path.replace(/[^a-z0-9_]/gi, "_")
      const expr = `((indexed#>>${path})::float8)`
      // Both directions with NULLS LAST, the order the provider's ORDER BY asks for.
      await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_${column}_asc" ON "${table}" (${expr} ASC NULLS LAST)`)
      await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_${column}_desc" ON "${table}" (${expr} DESC NULLS LAST)`)
    }
  }

  /**
   * Typo tolerance, when the client does not say: exact matching first, and only a query that
   * matches nothing is run again with pg_trgm's typo matching (a scan of the folded text, so it is
   * kept off the common path). `typo_tolerance: true` always matches typos, `false` never does.
   */
  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const folded = foldQuery(input)
    const run = (query: SearchTypes.ProviderSearchQuery) =>
      exactCount.run(query.search_options?.count === "exact", () => super.search(query))
    const options = folded.search_options ?? {}
    const typoAllowed = folded.index.settings?.typo_tolerance?.enabled ?? true
    const wantsHits = (folded.pagination?.take ?? 20) > 0 && !(folded.pagination?.skip ?? 0)
    if (!folded.q || options.typo_tolerance !== undefined || !typoAllowed || !wantsHits) return run(folded)
    const exact = await run(folded)
    if (exact.hits.length) return exact
    return run({ ...folded, search_options: { ...options, typo_tolerance: true } })
  }

  /** Any write to an index makes its cached counts and facets stale at once. */
  async upsertDocuments(input: SearchUpsertDocumentsInput) {
    try {
      return await super.upsertDocuments(input)
    } finally {
      this.forgetAggregates(input.index)
    }
  }

  async deleteDocuments(input: SearchDeleteDocumentsInput) {
    try {
      return await super.deleteDocuments(input)
    } finally {
      this.forgetAggregates(input.index)
    }
  }

  async clearIndex(input: { index: string }) {
    try {
      return await super.clearIndex(input)
    } finally {
      this.forgetAggregates(input.index)
    }
  }

  private forgetAggregates(physicalName: string) {
    const table = this.catalogs_.get(physicalName)?.value.table_name
    if (!table) {
      this.aggregates_.clear()
      this.runningHits_.clear()
      return
    }
    const prefix = JSON.stringify([table]).slice(0, -1) + ","
    for (const key of this.aggregates_.keys()) if (key.startsWith(prefix)) this.aggregates_.delete(key)
    for (const key of this.runningHits_.keys()) if (key.startsWith(prefix)) this.runningHits_.delete(key)
  }

  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    return Promise.all(inputs.map((input) => this.search(input)))
  }
}

export function foldQuery<T extends { q?: string }>(input: T): T {
  if (typeof input.q !== "string") return input
  const folded = foldVietnamese(input.q)
  return { ...input, q: folded || undefined }
}

export default VietnamesePostgresSearchService
