// The Meilisearch provider against a faked HTTP layer: the real `meilisearch` client runs, and
// global fetch answers like a Meilisearch server would. No Meilisearch server is involved.
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { toMeilisearchFilter } from "../filters"
import { indexSettings, MeilisearchProviderOptions, MeilisearchSearchService } from "../service"

type Call = { method: string; path: string; query: string; body: Record<string, any> }

// A definition as the Search module resolves it, without the seed and consume functions the provider never calls.
const definition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "search-meilisearch",
  physical_name: "product_v1",
  definition_hash: "h",
  settings: { typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4 } },
  fields: {
    id: { type: "keyword", filterable: true },
    description: { type: "text", searchable: { weight: 1 } },
    title: { type: "text", searchable: { weight: 3 } },
    cooperative_name: { type: "text", searchable: { weight: 2 } },
    folded: { type: "text", searchable: { weight: 1 }, retrievable: false },
    province: { type: "keyword", filterable: true, facetable: true },
    certificate_types: { type: "keyword", array: true, filterable: true, facetable: true },
    min_price: { type: "integer", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
    ocop_stars: { type: "integer", filterable: true, sortable: true, facetable: { types: ["value", "range"] } },
    in_stock: { type: "boolean", filterable: true },
    created_at: { type: "date", filterable: true, sortable: true },
  },
} as unknown as SearchTypes.ResolvedSearchIndexDefinition

describe("Meilisearch provider (HTTP faked)", () => {
  let calls: Call[]
  let replies: ((call: Call) => unknown)[]
  let taskUid: number
  const realFetch = globalThis.fetch

  const answer = (status: number, body: unknown) =>
    new Response(body === undefined ? "" : JSON.stringify(body), { status, headers: { "content-type": "application/json" } })
  const enqueued = () => ({ taskUid: ++taskUid, indexUid: "product_v1", status: "enqueued", type: "x", enqueuedAt: new Date().toISOString() })

  beforeEach(() => {
    calls = []
    replies = []
    taskUid = 0
    globalThis.fetch = jest.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
      const url = new URL(String(input))
      const call = { method: init.method ?? "GET", path: url.pathname, query: url.search, body: init.body ? JSON.parse(String(init.body)) : undefined }
      calls.push(call)
      if (call.method === "GET" && call.path.startsWith("/tasks/")) {
        const uid = Number(call.path.split("/")[2])
        const custom = replies.find((r) => r(call) !== undefined)?.(call)
        return answer(200, custom ?? { uid, status: "succeeded", type: "x", duration: "PT0S" })
      }
      for (const reply of replies) {
        const body = reply(call)
        if (body !== undefined) return body instanceof Response ? body : answer(200, body)
      }
      if (call.method === "GET" && /^\/indexes\/[^/]+$/.test(call.path)) return answer(200, { uid: "product_v1", primaryKey: "id" })
      return answer(202, enqueued())
    }) as typeof fetch
  })
  afterAll(() => {
    globalThis.fetch = realFetch
  })

  const provider = (options: Partial<MeilisearchProviderOptions> = {}) =>
    new MeilisearchSearchService({}, { host: "http://meili.test:7700", api_key: "key", task_interval_ms: 1, ...options })

  it("creates the index with the definition's settings, searchable attributes in weight order", async () => {
    const task = await provider().upsertIndex({ index: definition })
    expect(task).toEqual({ index: "product_v1", status: "succeeded" })
    expect(calls[0]).toMatchObject({ method: "POST", path: "/indexes", body: { uid: "product_v1", primaryKey: "id" } })
    expect(calls[1]).toMatchObject({ method: "GET", path: "/tasks/1" })
    const settings = calls.find((c) => c.method === "PATCH")!
    expect(settings.path).toBe("/indexes/product_v1/settings")
    expect(settings.body.searchableAttributes).toEqual(["title", "cooperative_name", "description", "folded"])
    expect(settings.body.filterableAttributes).toEqual(["id", "province", "certificate_types", "min_price", "ocop_stars", "in_stock", "created_at"])
    expect(settings.body.sortableAttributes).toEqual(["min_price", "ocop_stars", "created_at"])
    expect(settings.body.displayedAttributes).not.toContain("folded")
    expect(settings.body.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 4 } })
    expect(calls[calls.length - 1]).toMatchObject({ method: "GET", path: "/tasks/2" })
    expect(calls.every((c) => c.path !== "/indexes/product_v1/documents")).toBe(true)
  })

  it("keeps the documents of an index that already exists and updates its settings", async () => {
    replies.push((call) => (call.path === "/tasks/1" ? { uid: 1, status: "failed", type: "indexCreation", error: { code: "index_already_exists", message: "Index `product_v1` already exists." } } : undefined))
    await provider().upsertIndex({ index: definition })
    expect(calls.some((c) => c.method === "PATCH")).toBe(true)
  })

  it("refuses a geo field at migration time", () => {
    expect(() => indexSettings({ ...definition, fields: { id: definition.fields.id, where: { type: "geo" } } })).toThrow(/geo/)
  })

  it("writes documents in batches, dates as epoch milliseconds, and hands back the last task to wait on", async () => {
    const documents = Array.from({ length: 5 }, (_, i) => ({ id: `prod_${i}`, title: `Trà ${i}`, created_at: "2026-11-23T10:00:00.000Z" }))
    const task = await provider({ batch_size: 2 }).upsertDocuments({ index: "product_v1", definition, documents })
    const writes = calls.filter((c) => c.method === "POST" && c.path === "/indexes/product_v1/documents")
    expect(writes.map((w) => w.body.length)).toEqual([2, 2, 1])
    expect(writes[0].query).toBe("?primaryKey=id")
    expect(writes[0].body[0].created_at).toBe(Date.parse("2026-11-23T10:00:00.000Z"))
    // The first two batches are awaited by the provider, the last one by the module.
    expect(calls.filter((c) => c.path.startsWith("/tasks/")).map((c) => c.path)).toEqual(["/tasks/1", "/tasks/2"])
    expect(task).toEqual({ id: "3", index: "product_v1", status: "enqueued" })
    expect(documents[0].created_at).toBe("2026-11-23T10:00:00.000Z")
  })

  it("deletes by id through the batch endpoint and by filter through the filter endpoint", async () => {
    const p = provider()
    await p.deleteDocuments({ index: "product_v1", filters: { id: ["prod_1", "prod_2"] } })
    expect(calls.find((c) => c.path === "/indexes/product_v1/documents/delete-batch")?.body).toEqual(["prod_1", "prod_2"])
    await p.deleteDocuments({ index: "product_v1", filters: { id: { $in: ["prod_3"] } } })
    expect(calls.filter((c) => c.path === "/indexes/product_v1/documents/delete-batch")[1].body).toEqual(["prod_3"])
    await p.deleteDocuments({ index: "product_v1", filters: { cooperative_id: "coop_1" } })
    expect(calls.find((c) => c.path === "/indexes/product_v1/documents/delete")?.body).toEqual({ filter: 'cooperative_id = "coop_1"' })
    await p.clearIndex({ index: "product_v1" })
    expect(calls[calls.length - 1]).toMatchObject({ method: "DELETE", path: "/indexes/product_v1/documents" })
  })

  it("waits for tasks and maps a failed one", async () => {
    replies.push((call) => (call.path === "/tasks/7" ? { uid: 7, status: "failed", type: "documentAdditionOrUpdate", error: { code: "invalid_document_id", message: "bad id" } } : undefined))
    const p = provider()
    expect(await p.waitForTask({ id: "6", status: "enqueued" })).toEqual({ id: "6", status: "succeeded" })
    expect(await p.waitForTask({ id: "7", status: "enqueued" })).toEqual({
      id: "7",
      status: "failed",
      error: { message: "bad id", code: "invalid_document_id" },
    })
  })

  it("lists indexes with their document counts", async () => {
    replies.push((call) => (call.path === "/stats" ? { databaseSize: 1, lastUpdate: null, indexes: { product_v1: { numberOfDocuments: 42, isIndexing: false, fieldDistribution: {} } } } : undefined))
    expect(await provider().listIndexes()).toEqual([{ name: "product_v1", provider: "search-meilisearch", document_count: 42 }])
  })

  it("sends every query, and each range of a range facet, in one multi-search and maps the answers back", async () => {
    replies.push((call) =>
      call.path === "/multi-search"
        ? {
            results: [
              {
                indexUid: "product_v1",
                hits: [{ id: "prod_1", title: "Trà xanh Thanh Nam", created_at: Date.parse("2026-11-20T00:00:00.000Z"), _rankingScore: 0.9 }],
                query: "tra xanh",
                processingTimeMs: 3,
                limit: 20,
                offset: 40,
                estimatedTotalHits: 41,
                facetDistribution: { province: { "Huế": 2, "Phú Thọ": 9 }, ocop_stars: { "3": 4 } },
                facetStats: { min_price: { min: 15000, max: 350000 } },
              },
              { indexUid: "product_v1", hits: [], estimatedTotalHits: 30 },
              { indexUid: "product_v1", hits: [], estimatedTotalHits: 11 },
              { indexUid: "cooperative_v1", hits: [{ id: "coop_1", name: "HTX Chè Đá Hen" }], estimatedTotalHits: 1, processingTimeMs: 1 },
            ],
          }
        : undefined
    )
    const cooperative = { ...definition, name: "cooperative", physical_name: "cooperative_v1", fields: { id: { type: "keyword" }, name: { type: "text", searchable: true } } }
    const [products, cooperatives] = await provider().searchMany([
      {
        index: definition,
        q: "Trà Xanh".normalize("NFD"),
        attributes_to_retrieve: ["title", "created_at"],
        filters: { province: "Phú Thọ", min_price: { $gte: 10000, $lt: 500000 }, $or: [{ in_stock: true }, { ocop_stars: { $gte: 3 } }] },
        pagination: { skip: 40, take: 20, order: { min_price: "ASC", _score: "DESC" } },
        search_options: {
          include_score: true,
          match_strategy: "last",
          facets: [
            { field: "province", type: "value" },
            { field: "ocop_stars", type: "value" },
            { field: "min_price", type: "stats" },
            { field: "min_price", type: "range", ranges: [{ key: "cheap", to: 100000 }, { key: "dear", from: 100000 }] },
          ],
        },
      } as SearchTypes.ProviderSearchQuery,
      { index: cooperative, q: "da hen", attributes_to_retrieve: ["name"], pagination: { take: 5 } } as SearchTypes.ProviderSearchQuery,
    ])
    const request = calls.find((c) => c.path === "/multi-search")!
    expect(calls.filter((c) => c.path === "/multi-search")).toHaveLength(1)
    const [main, cheap, dear, coop] = request.body.queries
    expect(main).toEqual({
      indexUid: "product_v1",
      q: "tra xanh",
      offset: 40,
      limit: 20,
      filter: 'province = "Phú Thọ" AND (min_price >= 10000 AND min_price < 500000) AND (in_stock = true OR ocop_stars >= 3)',
      sort: ["min_price:asc"],
      facets: ["province", "ocop_stars", "min_price"],
      attributesToRetrieve: ["id", "title", "created_at"],
      matchingStrategy: "all",
      showRankingScore: true,
    })
    expect(cheap).toEqual({ indexUid: "product_v1", q: "tra xanh", limit: 0, filter: `(${main.filter}) AND min_price < 100000` })
    expect(dear.filter).toBe(`(${main.filter}) AND min_price >= 100000`)
    expect(coop).toMatchObject({ indexUid: "cooperative_v1", q: "da hen", limit: 5, offset: 0 })

    expect(products.hits).toEqual([
      { id: "prod_1", score: 0.9, document: { id: "prod_1", title: "Trà xanh Thanh Nam", created_at: "2026-11-20T00:00:00.000Z" } },
    ])
    expect(products.metadata).toEqual({ skip: 40, take: 20, count: 41, query: "Trà Xanh".normalize("NFD"), processing_time_ms: 3 })
    expect(products.facets).toEqual({
      province: { type: "value", values: [{ value: "Phú Thọ", count: 9 }, { value: "Huế", count: 2 }] },
      ocop_stars: { type: "value", values: [{ value: "3", count: 4 }] },
      min_price: { type: "range", ranges: [{ key: "cheap", to: 100000, count: 30 }, { key: "dear", from: 100000, count: 11 }] },
    })
    expect(cooperatives.hits[0]).toEqual({ id: "coop_1", document: { id: "coop_1", name: "HTX Chè Đá Hen" } })
  })

  it("turns an unknown index into NOT_FOUND, so the module re-resolves the active version", async () => {
    replies.push((call) =>
      call.path === "/multi-search"
        ? answer(404, { message: "Index `product_v0` not found.", code: "index_not_found", type: "invalid_request", link: "" })
        : undefined
    )
    await expect(provider().search({ index: definition, attributes_to_retrieve: [] } as SearchTypes.ProviderSearchQuery)).rejects.toMatchObject({
      type: MedusaError.Types.NOT_FOUND,
    })
  })

  it("rejects what Meilisearch cannot express instead of approximating it", async () => {
    await expect(provider().search({ index: definition, attributes_to_retrieve: [], pagination: { cursor: "x" } } as SearchTypes.ProviderSearchQuery)).rejects.toThrow(/cursor/)
    expect(() => toMeilisearchFilter({ title: { $like: "tra" } }, definition.fields)).toThrow(/substring/)
    expect(() => toMeilisearchFilter({ title: { $prefix: "tra" } }, definition.fields)).toThrow(MedusaError)
  })
})

describe("the module's filter language as Meilisearch filter expressions", () => {
  const f = (filters: SearchTypes.SearchFilters) => toMeilisearchFilter(filters, definition.fields)

  it("compiles equality, membership, ranges and nulls", () => {
    expect(f({ province: "Huế" })).toBe('province = "Huế"')
    expect(f({ province: ["Huế", "Phú Thọ"] })).toBe('province IN ["Huế", "Phú Thọ"]')
    expect(f({ province: { $in: ["Huế"] }, ocop_stars: { $nin: [1, 2] } })).toBe('province IN ["Huế"] AND ocop_stars NOT IN [1, 2]')
    expect(f({ min_price: { $gt: 1, $lte: 5 } })).toBe("(min_price > 1 AND min_price <= 5)")
    expect(f({ province: { $ne: "Huế" } })).toBe('province != "Huế"')
    expect(f({ ocop_stars: null })).toBe("ocop_stars IS NULL")
    expect(f({ ocop_stars: { $ne: null } })).toBe("ocop_stars IS NOT NULL")
    expect(f({ ocop_stars: { $exists: true }, province: { $exists: false } })).toBe("ocop_stars EXISTS AND province NOT EXISTS")
    expect(f({ in_stock: false })).toBe("in_stock = false")
  })

  it("compiles array membership, dates, quoting and the logical operators", () => {
    expect(f({ certificate_types: { $contains: ["vietgap", "organic"] } })).toBe('(certificate_types = "vietgap" AND certificate_types = "organic")')
    expect(f({ certificate_types: { $overlaps: ["vietgap", "organic"] } })).toBe('certificate_types IN ["vietgap", "organic"]')
    expect(f({ created_at: { $gte: "2026-01-01T00:00:00.000Z" } })).toBe(`created_at >= ${Date.parse("2026-01-01T00:00:00.000Z")}`)
    expect(f({ province: 'Trà "ngon" \\ Huế' })).toBe('province = "Trà \\"ngon\\" \\\\ Huế"')
    expect(f({ $and: [{ province: "Huế" }, { $or: [{ ocop_stars: 3 }, { ocop_stars: 4 }] }] })).toBe('(province = "Huế" AND (ocop_stars = 3 OR ocop_stars = 4))')
    expect(f({ $not: { province: "Huế" } })).toBe('NOT (province = "Huế")')
    expect(f({ q: "tra", province: "Huế" })).toBe('province = "Huế"')
    expect(f({ q: "tra" })).toBeUndefined()
  })
})
