import type { SearchTypes } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { foldVietnamese } from "../../lib/text"

/** How long a catalog row (table name and field plan of one physical index) is trusted. */
const CATALOG_TTL_MS = 60_000

type Catalog = Awaited<ReturnType<PostgresSearchService["getCatalog"]>>

/**
 * Medusa's PostgreSQL search provider (native engine), tuned for Vietnamese and for speed:
 *
 * - the free-text query is folded before it reaches SQL (NFC or NFD input, tone and vowel marks
 *   stripped, đ→d), so the `medusa_search_simple` configuration (simple + unaccent, created by
 *   our migration) and pg_trgm's typo matching both compare unaccented text with unaccented text;
 *   index definitions carry a folded searchable field for the trigram side;
 * - the catalog row of a physical index is cached instead of read on every search and write;
 * - sortable numeric fields get a btree expression index, so "cheapest first" on 20,000
 *   documents reads 20 rows instead of sorting them all.
 */
export class VietnamesePostgresSearchService extends PostgresSearchService {
  static identifier = "search-postgres-vi"

  private catalogs_ = new Map<string, { at: number; value: NonNullable<Catalog> }>()

  protected async getCatalog(name: string, manager?: any): Promise<Catalog> {
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

  protected async createDocumentTable(table: string, plan: any, manager: any): Promise<void> {
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

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    return super.search(foldQuery(input))
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
