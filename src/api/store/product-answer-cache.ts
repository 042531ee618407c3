import { createHash } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { catalogSnapshot, changedSince, ensureCatalogChangeLog, forgetCatalogChangeLog, pruneCatalogChanges } from "../../medusa-internals/catalog-change-log"

// GET /store/products and /store/products/:id answer from memory when nothing they are made of
// changed since the same question was last answered (docs/storefront/listing.md). The answer
// itself is always Medusa's own route's (plus what our middlewares add), kept as the bytes it
// sent; "nothing changed" is asked of PostgreSQL on every request (medusa-internals/
// catalog-change-log), so a price or stock change, an unpublished product or a suspended
// cooperative shows in the very next answer, from any server process.
//
// Not kept: answers for a signed-in customer or a cart (customer-group prices) and errors. An
// answer older than PRODUCT_ANSWER_CACHE_MS (default 5 min) is computed again by the next request
// (others meanwhile get the kept one), which bounds what time alone changes (an OCOP rating's
// expiry, a price list's start or end) to that age plus one computation. 0 turns the cache off.

const DEFAULT_TTL_MS = 300_000
const MAX_BYTES = 64 * 1024 * 1024

// `stale_at`: the first instant an OCOP rating or certificate in the answer expires (an item stops
// showing at that instant, with no write), so a kept answer is never served past it.
type Entry = { body: Buffer; etag: string; snapshot: string; at: number; stale_at: number }

const entries = new Map<string, Entry>()
const computing = new Map<string, Promise<Entry | null>>()
let bytes = 0

export function productAnswerCacheTtlMs(): number {
  const raw = process.env.PRODUCT_ANSWER_CACHE_MS
  const value = raw === undefined || raw === "" ? DEFAULT_TTL_MS : Number(raw)
  return Number.isFinite(value) && value > 0 ? value : 0
}

/** Forgets every kept answer (tests). */
export function clearProductAnswerCache() {
  entries.clear()
  bytes = 0
}

function forget(key: string) {
  const entry = entries.get(key)
  if (!entry) return
  bytes -= entry.body.length
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
  const path = req.originalUrl.split("?")[0].replace(/\/$/, "")
  if (!/^\/store\/products(\/[^/]+)?$/.test(path)) return null
  // A customer's (or a cart's customer's) group can have prices of its own.
  if (req.get("authorization") || req.get("cookie")) return null
  if ("cart_id" in (req.query ?? {})) return null
  const channels = [...((req as any).publishable_key_context?.sales_channel_ids ?? [])].sort().join(",")
  // Medusa's locale comes from ?locale= (in the URL) or this header.
  return `${req.get("x-publishable-api-key") ?? ""}|${channels}|${req.get("x-medusa-locale") ?? ""}|${req.originalUrl}`
}

/** Encoded once, with the weak ETag Express would compute for it on every send (a store page is ~600 kB). */
function entryOf(body: unknown, snapshot: string): Entry {
  const bytes = Buffer.from(JSON.stringify(body))
  const etag = `W/"${bytes.length.toString(16)}-${createHash("sha1").update(bytes).digest("base64").substring(0, 27)}"`
  const now = Date.now()
  let staleAt = Infinity
  for (const m of bytes.toString().matchAll(/"expires_at":"([^"]+)"/g)) {
    const t = Date.parse(m[1])
    if (t > now && t < staleAt) staleAt = t
  }
  return { body: bytes, etag, snapshot, at: now, stale_at: staleAt }
}

function sendKept(res: MedusaResponse, entry: Entry) {
  res.status(200).set("Content-Type", "application/json; charset=utf-8").set("ETag", entry.etag).send(entry.body)
}

export async function productAnswerCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
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
    const found = entries.get(key)
    if (found) {
      const [changed] = await changedSince(req.scope, [found.snapshot])
      if (!changed && entries.get(key) === found && Date.now() < found.stale_at) {
        // Past its age only time can have changed it: one request computes it again while the
        // others keep getting it, so a popular question never stalls every shopper at once.
        if (Date.now() - found.at < ttl || computing.has(key)) return sendKept(res, found)
      } else forget(key)
    }
    // Someone is already answering this question: wait for their answer unless a change came
    // after they started (their snapshot must cover everything committed before we asked).
    const pending = computing.get(key)
    if (pending) {
      const entry = await pending
      if (entry && Date.now() < entry.stale_at && !(await changedSince(req.scope, [entry.snapshot]))[0]) return sendKept(res, entry)
      return next()
    }
    const snapshot = await catalogSnapshot(req.scope)
    let settle!: (entry: Entry | null) => void
    computing.set(key, new Promise((resolve) => (settle = resolve)))
    let settled = false
    const done = (entry: Entry | null) => {
      if (settled) return
      settled = true
      computing.delete(key)
      if (entry) keep(key, entry)
      settle(entry)
    }
    res.on("close", () => done(null)) // no-op once settled: a request that ends without an answer frees waiters
    const json = res.json.bind(res)
    res.json = ((body: unknown) => {
      if (res.statusCode === 200) {
        const entry = entryOf(body, snapshot)
        done(entry)
        sendKept(res, entry)
        return res
      }
      done(null)
      return json(body)
    }) as any
    void pruneCatalogChanges(req.scope).catch(() => {})
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
