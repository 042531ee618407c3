import { createHash } from "node:crypto"
import { promisify } from "node:util"
import { gzip as gzipCallback } from "node:zlib"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules, getVariantAvailability } from "@medusajs/framework/utils"
import { takeSlotIfLetBy } from "../../lib/load-gate"
import { requestPath } from "../../lib/request-path"
import {
  type CatalogChanges,
  catalogSnapshot,
  changesSince,
  ensureCatalogChangeLog,
  forgetCatalogChangeLog,
  pruneCatalogChanges,
} from "../../medusa-internals/catalog-change-log"

// GET /store/products and /store/products/:id answer from memory while nothing they are made of
// changed since the same question was last answered (docs/storefront/listing.md). The answer
// itself is always Medusa's own route's (plus what our middlewares add), kept as the bytes it
// sent; "what changed since?" is asked of PostgreSQL on every request (medusa-internals/
// catalog-change-log), so a price or stock change, an unpublished product or a suspended
// cooperative shows in the very next answer, from any server process.
//
// A change is judged against each kept answer, not the whole catalog:
// - a product's answer (/:id) is dropped when that product changed;
// - a list is kept when none of its products changed in a way it shows and nothing changed that
//   could alter which products it holds (a product's status, channel, category…);
// - a list some of whose products changed only in what they show (a price, a stock level, an
//   image) is patched: Medusa's route answers the same question restricted to those products
//   (`id=…`, which spares it listing the whole channel) and their objects replace the kept ones;
// - an answer some of whose products changed only in stock (a purchase's reservation, a restock)
//   gets those variants' `inventory_quantity` from Medusa's own getVariantAvailability, as its
//   route computes it, without asking the route again (a product page's answer included).
// Anything else (a region, a tax rate, a cooperative) drops every kept answer.
//
// Not kept: answers for a signed-in customer or a cart (customer-group prices) and errors. An
// answer older than PRODUCT_ANSWER_CACHE_MS (default 5 min, at most 25) is computed again by the
// next request (others meanwhile get the kept one), which bounds what time alone changes (a price
// list's start or end) to that age plus one computation. 0 turns the cache off.

const DEFAULT_TTL_MS = 300_000
/** The change log keeps an hour: no kept answer may be checked against a snapshot older than that. */
const MAX_TTL_MS = 25 * 60_000
/** Kept JSON bodies, at most; their gzip copies (about a tenth more) are not counted. */
const MAX_BYTES = 64 * 1024 * 1024
/** Asked of our own server by a patch: Medusa's route, never the cache. */
const BYPASS_HEADER = "x-coopstall-answer-cache"

// `stale_at`: the first instant an OCOP rating or certificate in the answer expires (an item stops
// showing at that instant, with no write), so a kept answer is never served past it.
// `ids`: the answer's products, in order (null when some product came without its id).
/** A product (or one of its options, values, variants) in a kept answer: only `id` and the arrays aligned are read. */
type AnswerObject = { id?: unknown; [field: string]: unknown }
type ProductAnswer = { products?: AnswerObject[]; product?: AnswerObject; [field: string]: unknown }

// `gz`: the body gzip-compressed, made once the first client that accepts it asks (null meanwhile).
type Entry = { body: Buffer; gz?: Buffer | null; etag: string; snapshot: string; at: number; stale_at: number; list: boolean; q: boolean; ids: string[] | null }

/** How each answer was made since the process started (tests and the bench read it). */
const stats = { kept: 0, patched: 0, stock: 0, computed: 0 }
export function productAnswerCacheStats() {
  return { ...stats }
}

const entries = new Map<string, Entry>()
const computing = new Map<string, Promise<Entry | null>>()
let bytes = 0

export function productAnswerCacheTtlMs(): number {
  const raw = process.env.PRODUCT_ANSWER_CACHE_MS
  const value = raw === undefined || raw === "" ? DEFAULT_TTL_MS : Number(raw)
  return Number.isFinite(value) && value > 0 ? Math.min(value, MAX_TTL_MS) : 0
}

/** Forgets every kept answer (tests). */
export function clearProductAnswerCache() {
  entries.clear()
  bytes = 0
}

function forget(key: string, entry?: Entry) {
  const kept = entries.get(key)
  if (!kept || (entry && kept !== entry)) return
  bytes -= kept.body.length
  entries.delete(key)
}

function keep(key: string, entry: Entry) {
  forget(key)
  while (bytes + entry.body.length > MAX_BYTES && entries.size) forget(entries.keys().next().value!)
  entries.set(key, entry)
  bytes += entry.body.length
}

/** The question, as far as it decides the answer; null when the answer must not be kept. */
function cacheKey(req: MedusaRequest): string | null {
  if (req.method !== "GET") return null
  if (!/^\/store\/products(\/[^/]+)?$/.test(requestPath(req))) return null
  if (req.get(BYPASS_HEADER)) return null
  // A customer's (or a cart's customer's) group can have prices of its own.
  if (req.get("authorization") || req.get("cookie")) return null
  if ("cart_id" in (req.query ?? {})) return null
  const channels = [...((req as Partial<MedusaStoreRequest>).publishable_key_context?.sales_channel_ids ?? [])].sort().join(",")
  // Medusa's locale comes from ?locale= (in the URL) or this header.
  return `${req.get("x-publishable-api-key") ?? ""}|${channels}|${req.get("x-medusa-locale") ?? ""}|${req.originalUrl}`
}

/** Encoded once, with the weak ETag Express would compute for it on every send (a store page is ~600 kB). */
function entryOf(req: MedusaRequest, body: unknown, snapshot: string, at = Date.now()): Entry {
  const bytes = Buffer.from(JSON.stringify(body))
  const etag = `W/"${bytes.length.toString(16)}-${createHash("sha1").update(bytes).digest("base64").substring(0, 27)}"`
  const now = Date.now()
  let staleAt = Infinity
  for (const m of bytes.toString().matchAll(/"expires_at":"([^"]+)"/g)) {
    const t = Date.parse(m[1])
    if (t > now && t < staleAt) staleAt = t
  }
  const answer = (body ?? {}) as ProductAnswer
  const list = Array.isArray(answer.products)
  const products: (AnswerObject | undefined)[] = list ? answer.products! : answer.product ? [answer.product] : []
  const ids = products.every((p) => typeof p?.id === "string") ? products.map((p) => p!.id as string) : null
  return { body: bytes, etag, snapshot, at, stale_at: staleAt, list, q: list && req.query?.q !== undefined, ids }
}

const gzip = promisify(gzipCallback)
/** Below this a compressed answer saves less than its header costs. */
const GZIP_MIN_BYTES = 1024

/**
 * A kept answer, gzip-compressed for a client that accepts it (the starter's server-side fetch and
 * every browser do): a store page of 100 products is ~650 kB as JSON and a tenth of that
 * compressed, and it is compressed once, off the main thread, instead of on every send. Medusa
 * compresses nothing by default; a compression middleware, if configured, leaves an encoded body alone.
 */
function sendKept(req: MedusaRequest, res: MedusaResponse, entry: Entry) {
  res.status(200).set("Content-Type", "application/json; charset=utf-8").set("ETag", entry.etag).vary("Accept-Encoding")
  const wantsGzip = entry.body.length >= GZIP_MIN_BYTES && req.acceptsEncodings("gzip", "identity") === "gzip"
  if (wantsGzip && entry.gz) return void res.set("Content-Encoding", "gzip").send(entry.gz)
  res.send(entry.body)
  if (wantsGzip && entry.gz === undefined) {
    entry.gz = null
    gzip(entry.body).then(
      (gz) => (entry.gz = gz),
      () => (entry.gz = undefined)
    )
  }
}

/** Products of a kept answer to bring up to date: only their stock (`stock`), or all they show. */
type Verdict = "fresh" | "stale" | { ids: string[]; stock: boolean }

/** What the changes since an answer was kept mean for it. */
function judge(entry: Entry, changes: CatalogChanges): Verdict {
  if (changes.all) return "stale"
  if (!changes.products.size) return "fresh"
  if (!entry.ids) return "stale"
  const onlyStock = (ids: string[]) => ids.every((id) => [...changes.products.get(id)!].every((kind) => kind === "stock"))
  if (!entry.list) {
    if (!changes.products.has(entry.ids[0])) return "fresh"
    return onlyStock(entry.ids) ? { ids: entry.ids, stock: true } : "stale"
  }
  // Which products a list holds, and in which order, depends on every product's status, channel,
  // categories… and, with `q`, on its variants' titles and SKUs.
  for (const kinds of changes.products.values()) {
    if (kinds.has("product") || (entry.q && kinds.has("variant"))) return "stale"
  }
  const changed = entry.ids.filter((id) => changes.products.has(id))
  return changed.length ? { ids: changed, stock: onlyStock(changed) } : "fresh"
}

/**
 * The kept answer with the changed products' `inventory_quantity` computed again, exactly as
 * Medusa's store route computes it (wrapVariantsWithInventoryQuantityForSalesChannel: the
 * publishable key's one sales channel, variants that manage inventory, which are the ones it gave
 * the field to). Null when the channel is not the key's only one: then Medusa's route is asked.
 */
async function patchStock(req: MedusaRequest, entry: Entry, ids: string[], snapshot: string): Promise<Entry | null> {
  const channels = (req as Partial<MedusaStoreRequest>).publishable_key_context?.sales_channel_ids ?? []
  if (channels.length !== 1) return null
  const body = JSON.parse(entry.body.toString()) as ProductAnswer
  const changed = new Set(ids)
  const products = (Array.isArray(body.products) ? body.products : body.product ? [body.product] : []).filter((p) => changed.has(p.id as string))
  const variants = products
    .flatMap((p) => (Array.isArray(p.variants) ? (p.variants as (AnswerObject | null)[]) : []))
    .filter((v): v is AnswerObject => !!v && typeof v.id === "string" && "inventory_quantity" in v)
  if (variants.length) {
    const availability = await getVariantAvailability(req.scope.resolve(ContainerRegistrationKeys.QUERY), {
      variant_ids: variants.map((v) => v.id as string),
      sales_channel_id: channels[0],
    })
    for (const variant of variants) {
      const found = availability[variant.id as string]
      if (!found) return null
      variant.inventory_quantity = found.availability
    }
  }
  return entryOf(req, body, snapshot, entry.at)
}

/**
 * Medusa's answer to the same question restricted to `ids` (products the list holds, whose
 * membership did not change), spliced into the kept answer. Null when the restricted answer is not
 * exactly those products: then the whole question is answered again.
 */
async function patch(req: MedusaRequest, entry: Entry, ids: string[], snapshot: string): Promise<Entry | null> {
  const url = new URL(req.originalUrl, "http://self")
  url.searchParams.delete("id")
  url.searchParams.delete("id[]")
  for (const id of ids) url.searchParams.append("id", id)
  url.searchParams.set("limit", String(ids.length))
  url.searchParams.set("offset", "0")
  const address = req.socket.localAddress ?? "127.0.0.1"
  const host = address.includes(":") ? `[${address}]` : address
  const headers: Record<string, string> = { [BYPASS_HEADER]: "patch" }
  for (const name of ["x-publishable-api-key", "x-medusa-locale", "accept-language"]) {
    const value = req.get(name)
    if (value) headers[name] = value
  }
  const res = await fetch(`http://${host}:${req.socket.localPort}${url.pathname}${url.search}`, { headers, signal: AbortSignal.timeout(30_000) })
  if (res.status !== 200) return null
  const fresh = (await res.json()) as { products?: AnswerObject[] }
  const byId = new Map((fresh.products ?? []).map((p) => [p?.id, p]))
  if (byId.size !== ids.length || !ids.every((id) => byId.has(id))) return null
  const body = JSON.parse(entry.body.toString()) as { products: AnswerObject[] }
  body.products = body.products.map((p) => (byId.has(p.id) ? keepOrderOf(p, byId.get(p.id)!) : p))
  // The other products are as old as the kept answer: so is the patched one.
  return entryOf(req, body, snapshot, entry.at)
}

/**
 * A product page's question (`?handle=`), made cheaper for Medusa's route to answer: it filters a
 * list by sales channel through the link table, fetching every product of the channel to return
 * one (165 ms against 50 at 5,000 products, measured). A handle names at most one live product, so
 * adding its id (`&id=`) asks the same question, answered byte for byte the same (store-listing.spec).
 */
async function narrowHandleQuestion(req: MedusaRequest) {
  const query = (req.query ?? {}) as Record<string, unknown>
  if (requestPath(req) !== "/store/products" || typeof query.handle !== "string" || "id" in query || "id[]" in query) return
  const [product] = await req.scope.resolve(Modules.PRODUCT).listProducts({ handle: query.handle }, { select: ["id"], take: 1 })
  if (!product) return
  // Before Medusa's validation the raw query is read; after it, its filters.
  const validated = (req as { filterableFields?: Record<string, unknown> }).filterableFields
  if (validated) validated.id = product.id
  else query.id = product.id
}

/**
 * Medusa orders a product's options, their values and a variant's option values by nothing (no
 * rank): the order it answers depends on the query (a list of many products or of one). A patched
 * product keeps the order the kept answer had, so it reads as the whole list's answer would.
 * Other arrays (variants, images: ordered by rank) keep the order Medusa gave.
 */
function keepOrderOf(kept: AnswerObject, fresh: AnswerObject) {
  const align = (before: unknown, after: unknown) => {
    if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return after
    const at = new Map((before as (AnswerObject | null)[]).map((x, i) => [x?.id, i]))
    const items = after as AnswerObject[]
    if (at.size !== items.length || !items.every((x) => typeof x?.id === "string" && at.has(x.id))) return after
    return [...items].sort((x, y) => at.get(x.id)! - at.get(y.id)!)
  }
  const find = (list: unknown, id: unknown) =>
    Array.isArray(list) ? (list as (AnswerObject | null)[]).find((x) => x?.id === id) : undefined
  if (Array.isArray(fresh.options)) {
    fresh.options = align(kept.options, fresh.options)
    for (const option of fresh.options as (AnswerObject | null)[]) {
      const before = find(kept.options, option?.id)
      if (before && option) option.values = align(before.values, option.values)
    }
  }
  for (const variant of (Array.isArray(fresh.variants) ? fresh.variants : []) as (AnswerObject | null)[]) {
    const before = find(kept.variants, variant?.id)
    if (before && variant) variant.options = align(before.options, variant.options)
  }
  return fresh
}

/** Runs `work` as the one computation of `key` that others wait for; keeps what it yields. */
function single(key: string, work: () => Promise<Entry | null>): Promise<Entry | null> {
  const promise = work().then(
    (entry) => {
      computing.delete(key)
      if (entry) keep(key, entry)
      return entry
    },
    () => {
      computing.delete(key)
      return null
    }
  )
  computing.set(key, promise)
  return promise
}

/**
 * Whether this question has an answer kept and still within its age, so the load gate lets it by:
 * it is sent from memory after one freshness query, unless that finds a change, in which case
 * the request takes a slot before any work (`takeSlotIfLetBy`).
 */
export function answerIsKept(req: MedusaRequest): boolean {
  const ttl = productAnswerCacheTtlMs()
  const key = ttl ? cacheKey(req) : null
  const found = key ? entries.get(key) : undefined
  return !!found && withinAge(found, ttl)
}

/** Not past an expiry the answer shows, and younger than `maxAge`. */
function withinAge(entry: Entry, maxAge: number, now = Date.now()): boolean {
  return now < entry.stale_at && now - entry.at < maxAge
}

export async function productAnswerCache(req: MedusaRequest, res: MedusaResponse, go: MedusaNextFunction) {
  // Any way on to Medusa's route is real work: a request the gate let by takes its slot first.
  const next = () => takeSlotIfLetBy(req, res, go)
  const ttl = productAnswerCacheTtlMs()
  const key = ttl ? cacheKey(req) : null
  if (!key) return next()
  try {
    await ensureCatalogChangeLog(req.scope)
  } catch (err) {
    // Without the change log nothing can be kept safely: Medusa's route answers; the next request retries.
    req.scope.resolve("logger").warn(`product answer cache off for this request: ${(err as Error).message}`)
    return next()
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = entries.get(key)
      if (found) {
        // Past its age only time can have changed it: one request computes it again while the
        // others keep getting it, so a popular question never stalls every shopper at once.
        const usable = withinAge(found, ttl) || (computing.has(key) && withinAge(found, 2 * ttl))
        if (!usable) {
          if (!withinAge(found, 2 * ttl)) forget(key, found)
          if (!computing.has(key)) break
        } else {
          const [changes] = await changesSince(req.scope, [found.snapshot])
          if (entries.get(key) !== found) continue // replaced meanwhile: judge the new one
          const verdict = judge(found, changes)
          if (verdict === "fresh") {
            // Nothing it shows changed up to `now`: later questions start from there.
            found.snapshot = changes.now
            stats.kept++
            return sendKept(req, res, found)
          }
          if (verdict === "stale") {
            forget(key, found)
          } else if (!computing.has(key)) {
            const { ids, stock } = verdict
            const restocked = stock ? await single(key, () => patchStock(req, found, ids, changes.now)) : null
            if (restocked) {
              stats.stock++
              return sendKept(req, res, restocked)
            }
            const patched = found.list ? await single(key, () => patch(req, found, ids, changes.now)) : null
            if (patched) {
              stats.patched++
              return sendKept(req, res, patched)
            }
            forget(key, found)
            break
          }
        }
      }
      // Someone is already answering this question: judge their answer (a change may have come
      // after they started).
      const pending = computing.get(key)
      if (!pending) break
      await pending
    }
    if (computing.has(key)) return next()
    const snapshot = await catalogSnapshot(req.scope)
    stats.computed++
    let settle!: (entry: Entry | null) => void
    void single(key, () => new Promise<Entry | null>((resolve) => (settle = resolve)))
    let settled = false
    const done = (entry: Entry | null) => {
      if (settled) return
      settled = true
      settle(entry)
    }
    res.on("close", () => done(null)) // no-op once settled: a request that ends without an answer frees waiters
    const json = res.json.bind(res)
    res.json = (body?: unknown) => {
      if (res.statusCode === 200) {
        const entry = entryOf(req, body, snapshot)
        done(entry)
        sendKept(req, res, entry)
        return res
      }
      done(null)
      return json(body)
    }
    void pruneCatalogChanges(req.scope).catch(() => {})
    await narrowHandleQuestion(req)
    next()
  } catch (err) {
    // The cache must never cost an answer: forget it all (a database reset between tests drops
    // the log with the data) and let Medusa's route answer.
    clearProductAnswerCache()
    forgetCatalogChangeLog()
    req.scope.resolve("logger").warn(`product answer cache reset: ${(err as Error).message}`)
    next()
  }
}
