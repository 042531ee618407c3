import { VietnamesePostgresSearchService } from "../../src/modules/search-postgres-vi/service"
import { prefetchingSeed } from "../../src/search/prefetch"

// The PostgreSQL provider's short-lived caches (counts, facets) and the read-ahead seed, against a
// fake database manager that records every statement.

const TABLE = "search_pg_product_v1"
const plan = {
  primary_key: "id",
  searchable: [],
  vectors: [],
  schema_hash: "x",
  fields: [
    { path: "id", kind: "keyword", is_array: false, field: { type: "keyword", filterable: true } },
    { path: "province", kind: "keyword", is_array: false, field: { type: "keyword", filterable: true, facetable: true } },
  ],
}

function fakeManager() {
  const statements: string[] = []
  let gate: Promise<void> | null = null
  const manager = {
    statements,
    hold() {
      let open!: () => void
      gate = new Promise((r) => (open = r))
      return () => {
        gate = null
        open()
      }
    },
    async execute(sql: string) {
      statements.push(sql)
      if (gate && /COUNT|GROUP BY|LIMIT/.test(sql)) await gate
      if (/search_postgres_index/.test(sql)) {
        return [{ name: "product_v1", table_name: TABLE, schema_hash: "x", plan: JSON.stringify(plan), document_count: 3 }]
      }
      if (/GROUP BY/.test(sql)) return [{ value: "Huế", count: 2 }]
      if (/COUNT\(\*\)/.test(sql)) return [{ count: 3 }]
      if (/^\s*(INSERT|DELETE|UPDATE)/.test(sql)) return []
      return [{ id: "p1", document: { id: "p1", province: "Huế" }, indexed: {}, score: 0 }]
    },
  }
  return manager
}

const index = { name: "product", physical_name: "product_v1", settings: {}, fields: {}, primary_key: "id" } as any
const query = (extra: any = {}) => ({ index, filters: { province: "Huế" }, pagination: { take: 20 }, attributes_to_retrieve: ["id", "province"], ...extra }) as any
const counts = (m: { statements: string[] }) => m.statements.filter((s) => /COUNT\(\*\)/.test(s) && !/GROUP BY/.test(s)).length
const hitStatements = (m: { statements: string[] }) => m.statements.filter((s) => /LIMIT \? OFFSET/.test(s)).length
const facetStatements = (m: { statements: string[] }) => m.statements.filter((s) => /GROUP BY/.test(s)).length

describe("PostgreSQL search provider caches", () => {
  it("reuses a count and a facet distribution, and recomputes both after a write", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 60_000 })
    const faceted = query({ search_options: { facets: ["province"] } })
    const first = await provider.search(faceted)
    expect(first.metadata.count).toBe(3)
    expect(first.facets?.province).toBeDefined()
    await provider.search(faceted)
    expect(counts(m)).toBe(1)
    expect(facetStatements(m)).toBe(1)

    await provider.deleteDocuments({ index: "product_v1", filters: { id: ["p9"] } } as any)
    await provider.search(faceted)
    expect(counts(m)).toBe(2)
    expect(facetStatements(m)).toBe(2)
  })

  it("always counts and groups for count: exact, and never caches with a zero lifetime", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 60_000 })
    const exact = query({ search_options: { count: "exact", facets: ["province"] } })
    await provider.search(exact)
    await provider.search(exact)
    expect(counts(m)).toBe(2)
    expect(facetStatements(m)).toBe(2)

    const m2 = fakeManager()
    const uncached = new VietnamesePostgresSearchService({ manager: m2 } as any, { count_cache_ms: 0 })
    await uncached.search(query())
    await uncached.search(query())
    expect(counts(m2)).toBe(2)
  })

  it("lets concurrent identical searches share one count, and keeps no value computed across a write", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 60_000 })
    await (provider as any).retrieve("product_v1") // the catalog row is cached from here on
    const open = m.hold()
    const running = Promise.all([provider.search(query()), provider.search(query()), provider.search(query())])
    await new Promise((r) => setTimeout(r, 10))
    // A write lands while the count is still running: its result may predate the write.
    await provider.deleteDocuments({ index: "product_v1", filters: { id: ["p9"] } } as any)
    open()
    const results = await running
    expect(results.map((r) => r.metadata.count)).toEqual([3, 3, 3])
    expect(counts(m)).toBe(1)
    await provider.search(query())
    expect(counts(m)).toBe(2)
  })
  it("answers a count past its lifetime at once while one refresh runs, and waits once it is twice as old", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 100 })
    await provider.search(query())
    expect(counts(m)).toBe(1)
    await new Promise((r) => setTimeout(r, 120))
    const open = m.hold()
    // Hits are held too, so the searches are started and only their counts are compared.
    const stale = [provider.search(query()), provider.search(query())]
    await new Promise((r) => setTimeout(r, 10))
    expect(counts(m)).toBe(2) // one refresh for both
    open()
    expect((await Promise.all(stale)).map((r) => r.metadata.count)).toEqual([3, 3])
    await new Promise((r) => setTimeout(r, 250))
    const close = m.hold()
    let settled = false
    const late = provider.search(query()).then(() => (settled = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    close()
    await late
    expect(counts(m)).toBe(3)
  })
})

describe("PostgreSQL search provider hits", () => {
  it("selects no indexed copy, shares a running statement between identical searches, and keeps nothing after it", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 0 })
    await (provider as any).retrieve("product_v1")
    const open = m.hold()
    const running = Promise.all([1, 2, 3].map(() => provider.search(query({ search_options: { count: "none" } }))))
    await new Promise((r) => setTimeout(r, 10))
    open()
    const results = await running
    expect(results.map((r) => r.hits.map((h) => h.id))).toEqual([["p1"], ["p1"], ["p1"]])
    expect(hitStatements(m)).toBe(1)
    expect(m.statements.find((s) => /LIMIT \? OFFSET/.test(s))).not.toMatch(/"indexed",/)
    await provider.search(query({ search_options: { count: "none" } }))
    expect(hitStatements(m)).toBe(2)
  })

  it("does not let a search that starts after a write join a statement that started before it", async () => {
    const m = fakeManager()
    const provider = new VietnamesePostgresSearchService({ manager: m } as any, { count_cache_ms: 0 })
    await (provider as any).retrieve("product_v1")
    const open = m.hold()
    const before = provider.search(query({ search_options: { count: "none" } }))
    await new Promise((r) => setTimeout(r, 10))
    await provider.deleteDocuments({ index: "product_v1", filters: { id: ["p9"] } } as any)
    const after = provider.search(query({ search_options: { count: "none" } }))
    await new Promise((r) => setTimeout(r, 10))
    open()
    await Promise.all([before, after])
    expect(hitStatements(m)).toBe(2)
  })
})

describe("prefetchingSeed", () => {
  it("reads the next page while the current one is written, and yields every page in order", async () => {
    const events: string[] = []
    async function* pages() {
      for (let i = 1; i <= 3; i++) {
        events.push(`read ${i}`)
        await new Promise((r) => setTimeout(r, 5))
        yield [i]
      }
    }
    const seen: number[][] = []
    for await (const page of prefetchingSeed(() => pages())({})) {
      events.push(`write ${page[0]} start`)
      await new Promise((r) => setTimeout(r, 20))
      events.push(`write ${page[0]} end`)
      seen.push(page)
    }
    expect(seen).toEqual([[1], [2], [3]])
    // Page 2 is read before page 1 has been written.
    expect(events.indexOf("read 2")).toBeLessThan(events.indexOf("write 1 end"))
  })

  it("surfaces a failed read when that page is asked for, and closes the inner seed when the writer stops", async () => {
    let closed = false
    async function* failing() {
      try {
        yield [1]
        throw new Error("read failed")
      } finally {
        closed = true
      }
    }
    const it = prefetchingSeed(() => failing())({})
    expect((await it.next()).value).toEqual([1])
    await expect(it.next()).rejects.toThrow("read failed")

    closed = false
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield [i]
      } finally {
        closed = true
      }
    }
    for await (const page of prefetchingSeed(() => endless())({})) {
      if (page[0] === 2) break
    }
    expect(closed).toBe(true)
  })
})
